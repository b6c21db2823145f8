package org.tomcatpush.harness.client.accounting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First in a connection's pipeline: counts the raw bytes read from and written to the socket and
 * hands the counts to the connection's {@link ConnectionTracker}. Allocation-free.
 */
final class WireByteCounter extends ChannelDuplexHandler {

    private final ConnectionTracker tracker;

    WireByteCounter(ConnectionTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        int bytes = sizeOf(msg);
        if (bytes > 0) {
            tracker.bytesRead(bytes);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        int bytes = sizeOf(msg);
        if (bytes > 0) {
            tracker.bytesWritten(bytes);
        }
        ctx.write(msg, promise);
    }

    private static int sizeOf(Object msg) {
        if (msg instanceof ByteBuf) {
            return ((ByteBuf) msg).readableBytes();
        }
        if (msg instanceof ByteBufHolder) {
            return ((ByteBufHolder) msg).content().readableBytes();
        }
        return 0;
    }
}

package org.tomcatpush.harness.client.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Reads the chunked body of one open SSE stream from the connection's bytes, before Netty's HTTP
 * decoder sees them: the data of each chunk goes to the stream's parser in place, with no decoded
 * {@code HttpContent}, buffer slice or decoder buffering per chunk.
 *
 * <p>It stands before the decoder from the moment the stream request is written, hands the
 * response head on to the decoder untouched, and takes the body that follows only when
 * {@link #takeBody} says the stream opened (called by the session while the decoder reads that
 * head). A size line cut by the end of a read is kept until its end arrives. It gives the bytes
 * back to the decoder, and leaves the pipeline, at the first chunk boundary where anything but a
 * plain data chunk follows: the last chunk, a chunk extension, or anything malformed (with the
 * start of that size line if an earlier read carried it). Up to there the decoder has seen
 * every byte but the chunks taken, and it sits between two chunks, so it reads on as if it had read
 * them itself: the end of the response, a malformed chunk and a broken connection reach
 * async-http-client as they did before.
 *
 * <p>The end of a read whose every byte was chunk data it took stops here too: nothing after it
 * saw any of that read, and on an auto-read connection (async-http-client's) the read that follows
 * is asked for by the pipeline's head, so the decoder's and async-http-client's handlers are not
 * walked once per delivered message for nothing. Runs on the connection's event loop; one per stream.
 */
final class RawChunkReader extends ChannelInboundHandlerAdapter {

    /** Its name in a connection's pipeline, just before async-http-client's HTTP codec. */
    static final String NAME = "harness-sse-raw-chunks";

    /** Passing the response head on, looking for the empty line that ends it. */
    private static final int HEAD = 0;
    /** At a chunk boundary: a size line follows. */
    private static final int CHUNK_SIZE = 1;
    private static final int CHUNK_DATA = 2;
    /** After a chunk's data: up to the LF that ends it, as the decoder reads it. */
    private static final int CHUNK_END = 3;
    /** The longest size this reader takes (7 hex digits, 256 MiB); a longer one goes to the decoder. */
    private static final int MAX_SIZE_DIGITS = 7;
    /** The longest size line this reader takes: the digits and CR LF. */
    private static final int MAX_SIZE_LINE = MAX_SIZE_DIGITS + 2;

    private final SseParser parser;
    private int state = HEAD;
    /** Bytes of the head line being read, CR not counted. */
    private int headLineLength;
    /** At least one line of the head (its status line) has ended. */
    private boolean headHasLine;
    private boolean bodyTaken;
    private int chunkBytesLeft;
    /** The size line being read, as far as it has arrived: the start of one a read cut off is kept here. */
    private final byte[] sizeLine = new byte[MAX_SIZE_LINE];
    private int sizeLineLength;
    /** Something of the current read went on to the decoder: the end of the read goes on too. */
    private boolean passedOn;

    RawChunkReader(SseParser parser) {
        this.parser = parser;
    }

    /** The stream opened (a 200 with a chunked body): the body after the head is this reader's. */
    void takeBody() {
        bodyTaken = true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            passOn(ctx, msg);
            return;
        }
        int index = buf.readerIndex();
        if (state == HEAD) {
            int headEnd = headEnd(buf, index, buf.writerIndex());
            if (headEnd < 0) {
                passOn(ctx, buf);
                return;
            }
            // the decoder reads the head, and the session tells this reader whether the body is its own
            passOn(ctx, buf.retainedSlice(index, headEnd - index));
            if (!bodyTaken) {
                handBack(ctx, buf, headEnd);
                return;
            }
            state = CHUNK_SIZE;
            index = headEnd;
        }
        index = readChunks(buf, index);
        if (index >= 0) {
            handBack(ctx, buf, index);
        } else {
            buf.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (passedOn || !ctx.channel().config().isAutoRead()) {
            passedOn = false;
            ctx.fireChannelReadComplete();
        }
    }

    private void passOn(ChannelHandlerContext ctx, Object msg) {
        passedOn = true;
        ctx.fireChannelRead(msg);
    }

    /**
     * Reads the chunks in {@code buf} from {@code index}; returns the chunk boundary from which the
     * decoder must read, or -1 when the buffer was read to its end.
     */
    private int readChunks(ByteBuf buf, int index) {
        int end = buf.writerIndex();
        while (index < end) {
            switch (state) {
                case CHUNK_SIZE -> {
                    int next = readSizeLine(buf, index, end);
                    if (next < 0) {
                        return index;
                    }
                    index = next;
                }
                case CHUNK_DATA -> {
                    int length = Math.min(chunkBytesLeft, end - index);
                    parser.feed(buf, index, length);
                    index += length;
                    chunkBytesLeft -= length;
                    if (chunkBytesLeft == 0) {
                        state = CHUNK_END;
                    }
                }
                default -> {
                    // the CRLF after the data; the decoder, too, skips whatever comes before the LF
                    if (buf.getByte(index++) == '\n') {
                        state = CHUNK_SIZE;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * Reads a size line, or the part of it in {@code buf}, from {@code index}. Returns where the
     * reading goes on: after the line (when it is the plain {@code HEX CRLF} or {@code HEX LF} of a
     * non-empty chunk: the chunk's data follows) or at {@code end} (the line goes on in the next
     * read); or -1 when the line is anything else, and the decoder must read it.
     */
    private int readSizeLine(ByteBuf buf, int index, int end) {
        int lf = buf.indexOf(index, end, (byte) '\n');
        int lineEnd = lf < 0 ? end : lf + 1;
        int carried = sizeLineLength;
        if (carried + lineEnd - index > MAX_SIZE_LINE) {
            return -1;
        }
        buf.getBytes(index, sizeLine, carried, lineEnd - index);
        sizeLineLength = carried + lineEnd - index;
        if (lf < 0) {
            return end;
        }
        int size = chunkSize();
        if (size <= 0) {
            sizeLineLength = carried; // what the decoder is handed: the line's start from earlier reads, then buf
            return -1;
        }
        sizeLineLength = 0;
        chunkBytesLeft = size;
        state = CHUNK_DATA;
        return lineEnd;
    }

    /** The size of the chunk whose whole size line {@link #sizeLine} holds; 0 for the last chunk, -1 for any other line. */
    private int chunkSize() {
        int digitsEnd = sizeLineLength - 1; // the LF
        if (digitsEnd > 0 && sizeLine[digitsEnd - 1] == '\r') {
            digitsEnd--;
        }
        if (digitsEnd == 0 || digitsEnd > MAX_SIZE_DIGITS) {
            return -1;
        }
        int size = 0;
        for (int i = 0; i < digitsEnd; i++) {
            int digit = Character.digit(sizeLine[i], 16);
            if (digit < 0) {
                return -1; // an extension, whitespace, or not a size at all
            }
            size = size * 16 + digit;
        }
        return size;
    }

    /** Where the response head ends in {@code buf} (after its empty line), or -1 when it goes on past {@code end}. */
    private int headEnd(ByteBuf buf, int index, int end) {
        for (int i = index; i < end; i++) {
            byte b = buf.getByte(i);
            if (b == '\n') {
                if (headLineLength == 0 && headHasLine) {
                    return i + 1;
                }
                headHasLine |= headLineLength > 0;
                headLineLength = 0;
            } else if (b != '\r') {
                headLineLength++;
            }
        }
        return -1;
    }

    /**
     * Leaves the pipeline and hands the decoder {@code buf} from {@code index} on, after the start
     * of a size line that earlier reads carried, if any.
     */
    private void handBack(ChannelHandlerContext ctx, ByteBuf buf, int index) {
        if (!ctx.isRemoved()) {
            ctx.pipeline().remove(this);
        }
        ByteBuf rest = buf;
        if (sizeLineLength > 0) {
            rest = ctx.alloc().buffer(sizeLineLength + buf.writerIndex() - index)
                    .writeBytes(sizeLine, 0, sizeLineLength)
                    .writeBytes(buf, index, buf.writerIndex() - index);
            buf.release();
            index = 0;
        }
        if (index < rest.writerIndex()) {
            rest.readerIndex(index);
            passOn(ctx, rest);
        } else {
            rest.release();
        }
    }
}

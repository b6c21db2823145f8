package org.tomcatpush.harness.client.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * A Netty {@link Timer} that runs each task on one of the client's event loops, scheduled there
 * ({@code EventLoop.schedule}: a deadline queue woken by the loop's own {@code epoll_wait} timeout),
 * instead of a {@code HashedWheelTimer}, whose thread wakes every tick (every millisecond, for the
 * pacing precision polls need) whether anything is due or not: in a run of held streams that idle
 * ticking was a sizeable share of the client's CPU. A task given on an event loop stays on that
 * loop; one given from another thread goes to the loops in turn. A task given
 * once the loops are shutting down never runs; its timeout reads as cancelled. Thread-safe.
 */
final class EventLoopTimer implements Timer {

    private final EventLoopGroup eventLoops;
    /** The loops a task may stay on; empty for a timer that hands every task to the loops in turn. */
    private final EventExecutor[] loops;

    /** A timer whose task given on an event loop stays on that loop: the sessions' timer. */
    EventLoopTimer(EventLoopGroup eventLoops) {
        this(eventLoops, true);
    }

    private EventLoopTimer(EventLoopGroup eventLoops, boolean stayOnCallingLoop) {
        this.eventLoops = eventLoops;
        List<EventExecutor> all = new ArrayList<>();
        if (stayOnCallingLoop) {
            eventLoops.forEach(all::add);
        }
        this.loops = all.toArray(new EventExecutor[0]);
    }

    /**
     * A timer that hands every task to the loops in turn, wherever it is given: for the ramp-up,
     * whose task reschedules itself and would otherwise open every session from one loop.
     */
    static EventLoopTimer inTurn(EventLoopGroup eventLoops) {
        return new EventLoopTimer(eventLoops, false);
    }

    @Override
    public Timeout newTimeout(TimerTask task, long delay, TimeUnit unit) {
        LoopTimeout timeout = new LoopTimeout(this, task);
        try {
            timeout.future = loopFor().schedule(timeout, delay, unit);
        } catch (RejectedExecutionException e) {
            timeout.cancelled = true; // the client is closing
        }
        return timeout;
    }

    /**
     * The calling thread's own loop when it is one (a session scheduling from its connection's
     * callback): scheduling and cancelling there is a plain queue operation, where handing the
     * task to another loop would wake that loop's thread, twice per poll with a request timeout.
     * From any other thread, the loops in turn.
     */
    private EventExecutor loopFor() {
        for (EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return eventLoops.next();
    }

    /** Nothing to stop: the tasks live on the event loops, which the client's resources shut down. */
    @Override
    public Set<Timeout> stop() {
        return Collections.emptySet();
    }

    /** One scheduled task: the runnable given to the event loop and the handle given to the caller. */
    private static final class LoopTimeout implements Timeout, Runnable {

        private final Timer timer;
        private final TimerTask task;
        /** Set before {@link #newTimeout} returns, so before any caller can cancel. */
        private volatile ScheduledFuture<?> future;
        private volatile boolean cancelled;
        private volatile boolean expired;

        LoopTimeout(Timer timer, TimerTask task) {
            this.timer = timer;
            this.task = task;
        }

        @Override
        public void run() {
            expired = true;
            try {
                task.run(this);
            } catch (Exception e) {
                // as HashedWheelTimer does, a failing task does not stop the others; Netty would log it
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }

        @Override
        public Timer timer() {
            return timer;
        }

        @Override
        public TimerTask task() {
            return task;
        }

        @Override
        public boolean isExpired() {
            return expired;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            if (expired || cancelled) {
                return false;
            }
            cancelled = true;
            ScheduledFuture<?> f = future;
            return f == null || f.cancel(false);
        }
    }
}

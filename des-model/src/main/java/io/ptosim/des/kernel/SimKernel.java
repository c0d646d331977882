package io.ptosim.des.kernel;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import nl.tudelft.simulation.dsol.experiment.Replication;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
import nl.tudelft.simulation.dsol.model.AbstractDsolModel;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import org.djutils.logger.CategoryLogger;

/**
 * The deterministic discrete-event kernel every ptosim run stands on.
 *
 * <p>Time is a {@code long} count of nanoseconds of virtual device time. Events at one instant run
 * by rank (lower first), then by the tie-break rule: FIFO by this kernel's own scheduling sequence,
 * or a seeded shuffle. DSOL's JVM-wide event ids never decide an order and never leave this package.
 * The kernel is driven by its own step loop so that a failing handler surfaces here, named, and it
 * always releases DSOL's worker thread in {@link #close()}; use it in try-with-resources.
 *
 * <p>Not thread-safe, by design: a run has no threads.
 */
public final class SimKernel implements AutoCloseable {

  /** Highest rank (exclusive); ranks order same-instant events before the tie-break applies. */
  public static final int MAX_RANK = 64;

  private static final int SEQ_BITS = 40;
  private static final int SHUFFLE_BITS = 16;
  private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
  /** DSOL's replication must end somewhere; far beyond any {@link RunLimits}. */
  private static final long DSOL_RUN_LENGTH = Long.MAX_VALUE / 4;

  private final DevsSimulator<Long> simulator;
  private final TieBreak tieBreak;
  private final SplittableRandom shuffle;
  private long sequence;
  private long pending;
  private long executed;
  private boolean stopRequested;
  private RuntimeException failure;
  private KernelEvent current;
  private boolean closed;
  private final KernelEventList events;

  public SimKernel(TieBreak tieBreak) {
    Preconditions.checkNotNull(tieBreak, "tieBreak");
    DsolQuiet.ensure();
    this.tieBreak = tieBreak;
    this.shuffle = tieBreak instanceof TieBreak.Shuffle s ? new SplittableRandom(s.seed()) : null;
    String id = ReplicationIds.next();
    this.simulator = newSimulator(id);
    try {
      this.events = new KernelEventList();
      simulator.setEventList(events);
      var model = new EmptyModel(simulator);
      var replication = new Replication<Long>(id, 0L, 0L, DSOL_RUN_LENGTH) {};
      simulator.initialize(model, replication);
    } catch (RuntimeException e) {
      simulator.cleanUp();
      throw e;
    }
  }

  /**
   * DSOL's simulator constructor re-registers one JVM-wide log category in three separate
   * synchronized calls (remove, add, add formatter); a concurrent construction elsewhere can slip
   * in between and make the last call fail. Holding the logger's class monitor makes the sequence
   * atomic, since every one of those calls synchronizes on it.
   */
  private static DevsSimulator<Long> newSimulator(String id) {
    synchronized (CategoryLogger.class) {
      return new DevsSimulator<>(id);
    }
  }

  public SimKernel() {
    this(TieBreak.fifo());
  }

  public TieBreak tieBreak() {
    return tieBreak;
  }

  /** The current virtual time in nanoseconds. */
  public long now() {
    return simulator.getSimulatorTime();
  }

  /** Events executed so far by this kernel. */
  public long executedEvents() {
    return executed;
  }

  /** Events scheduled and neither run nor cancelled. */
  public long pendingEvents() {
    return pending;
  }

  public EventHandle scheduleAt(long atNs, int rank, EventLabel label, Runnable action) {
    Preconditions.checkState(!closed, "kernel is closed");
    Preconditions.checkArgument(atNs >= now(), "cannot schedule '%s' at %s ns, before now %s ns", label, atNs, now());
    Preconditions.checkArgument(rank >= 0 && rank < MAX_RANK, "rank out of range: %s", rank);
    Preconditions.checkNotNull(action, "action");
    long seq = sequence++;
    Preconditions.checkState(seq <= SEQ_MASK, "event sequence exhausted");
    long key = ((long) rank << (SEQ_BITS + SHUFFLE_BITS)) | seq;
    if (shuffle != null) {
      key |= ((long) shuffle.nextInt(1 << SHUFFLE_BITS)) << SEQ_BITS;
    }
    KernelEvent event = new KernelEvent(this, atNs, rank, key, label, action);
    events.add(event);
    pending++;
    return event;
  }

  public EventHandle scheduleAfter(long delayNs, int rank, EventLabel label, Runnable action) {
    Preconditions.checkArgument(delayNs >= 0, "negative delay %s for '%s'", delayNs, label);
    return scheduleAt(now() + delayNs, rank, label, action);
  }

  /** Cancels a pending event; returns false when it already ran or was cancelled. */
  public boolean cancel(EventHandle handle) {
    Preconditions.checkArgument(handle instanceof KernelEvent, "not an event of a kernel");
    KernelEvent event = (KernelEvent) handle;
    Preconditions.checkArgument(event.kernelIs(this), "event belongs to another kernel");
    if (!event.isPending()) {
      return false;
    }
    boolean removed = events.remove(event);
    Preconditions.checkState(removed, "pending event '%s' was not in the event list", event.label());
    event.markCancelled();
    pending--;
    return true;
  }

  /** Asks the run loop to return {@link StopReason#STOPPED} after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /** The event being executed, if a handler asks. */
  public EventLabel currentLabel() {
    Preconditions.checkState(current != null, "no event is executing");
    return current.label();
  }

  /** The pending events in the order they will run (the stall checker's view of the future). */
  public ImmutableList<PendingEvent> pendingList() {
    List<KernelEvent> scheduled = new ArrayList<>();
    for (SimEventInterface<Long> e : events) {
      if (e instanceof KernelEvent k && k.isPending()) {
        scheduled.add(k);
      }
    }
    scheduled.sort(Comparator.comparingLong(KernelEvent::atNs).thenComparingLong(KernelEvent::orderKey));
    ImmutableList.Builder<PendingEvent> out = ImmutableList.builderWithExpectedSize(scheduled.size());
    for (KernelEvent k : scheduled) {
      out.add(new PendingEvent(k.atNs(), k.rank(), k.label()));
    }
    return out.build();
  }

  /**
   * Runs events until none is pending, the budget or time limit is reached, or a handler calls
   * {@link #stop()}. A handler's exception is rethrown as {@link SimEventException} naming the event.
   * Can be called again to continue a run.
   */
  public RunResult run(RunLimits limits) {
    Preconditions.checkNotNull(limits, "limits");
    Preconditions.checkState(!closed, "kernel is closed");
    long budgetEnd = executed + limits.maxEvents();
    stopRequested = false;
    while (true) {
      if (stopRequested) {
        return new RunResult(StopReason.STOPPED, executed, now());
      }
      if (pending == 0) {
        return new RunResult(StopReason.QUIESCENT, executed, now());
      }
      if (executed >= budgetEnd) {
        return new RunResult(StopReason.EVENT_BUDGET, executed, now());
      }
      SimEventInterface<Long> next = events.first();
      if (next instanceof KernelEvent k && k.atNs() > limits.maxTimeNs()) {
        return new RunResult(StopReason.TIME_LIMIT, executed, now());
      }
      simulator.step();
      if (failure != null) {
        RuntimeException f = failure;
        failure = null;
        throw f;
      }
    }
  }

  void dispatch(KernelEvent event, Runnable action) {
    pending--;
    executed++;
    current = event;
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      // DSOL would log and swallow: keep it, stop the loop, and rethrow in the caller's frame.
      failure = new SimEventException(event.label(), event.atNs(), e);
    } finally {
      current = null;
    }
  }

  /** Releases DSOL's worker thread and its naming entries; safe to call twice. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      simulator.cleanUp();
    }
  }

  /** DSOL wants a model; ours lives outside it. */
  private static final class EmptyModel extends AbstractDsolModel<Long, DevsSimulator<Long>> {
    EmptyModel(DevsSimulator<Long> simulator) {
      super(simulator);
    }

    @Override
    public void constructModel() {}
  }
}

package io.ptosim.scheduler.runtime;

/** The three shared ready queues, one per shape (AIC, AIV, MIX), FIFO as upstream's. */
final class ReadyQueues {
  private final IntQueue[] queues = {new IntQueue(), new IntQueue(), new IntQueue()};

  void push(int shape, int task) {
    queues[shape].push(task);
  }

  IntQueue queue(int shape) {
    return queues[shape];
  }
}

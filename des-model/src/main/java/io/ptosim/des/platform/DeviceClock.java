package io.ptosim.des.platform;

/**
 * The a2a3 timestamp counter: 50 MHz, one tick every 20 ns. Virtual time is kept in nanoseconds;
 * ticks are what a device log would print for the same instant.
 */
public final class DeviceClock {

  public static final long TICK_HZ = 50_000_000L;
  public static final long NS_PER_TICK = 1_000_000_000L / TICK_HZ;

  private DeviceClock() {}

  /** The counter value a device would read at {@code ns} (truncated, as a counter is). */
  public static long ticks(long ns) {
    return ns / NS_PER_TICK;
  }

  /** Microseconds with three decimals, exactly, for Chrome trace timestamps. */
  public static String micros(long ns) {
    long whole = ns / 1000;
    long frac = Math.abs(ns % 1000);
    return whole + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
  }
}

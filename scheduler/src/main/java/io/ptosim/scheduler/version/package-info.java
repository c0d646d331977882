/**
 * Runtime versions: each a value ({@link io.ptosim.scheduler.version.RuntimeVersion}) that selects the
 * rule classes in which upstream's runtimes differ, chosen by name like the stall policies.
 */
package io.ptosim.scheduler.version;

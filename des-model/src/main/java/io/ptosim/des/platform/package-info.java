/** The virtual device: platform profiles (a2a3, a2a3sim, a2a3sim-fastspin) as values chosen by name, and the device clock. */
package io.ptosim.des.platform;

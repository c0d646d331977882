/** The virtual device: platform profiles (a2a3, a2a3sim) as values chosen by name, and the device clock. */
package io.ptosim.des.platform;

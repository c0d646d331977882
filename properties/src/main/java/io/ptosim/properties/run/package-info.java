/** Running a program under a policy and keeping its report or invariant violation plus its whole trace. */
package io.ptosim.properties.run;

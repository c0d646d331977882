/** One check per property: each returns the problems it found, empty when the property holds. */
package io.ptosim.properties.check;

package io.ptosim.des.platform;

/** The two kinds of core of an a2a3 cluster: the cube core (AIC) and the vector cores (AIV). */
public enum CoreType {
  AIC,
  AIV
}

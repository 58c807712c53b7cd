package dev.depscan.classify;

/** The organisation's stance on one finding: restriction wins over allowance; neither is unknown. */
public enum Verdict { ALLOWED, RESTRICTED, UNKNOWN }

package org.qprob.agents.config;

/** What the exploration schedule counts: training episodes or environment steps. */
public enum ScheduleUnit implements ConfigKey {
  EPISODE("episode"),
  STEP("step");

  private final String key;

  ScheduleUnit(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }
}

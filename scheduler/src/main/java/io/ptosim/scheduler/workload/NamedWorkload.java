package io.ptosim.scheduler.workload;

import com.google.common.base.Preconditions;

/** Base of the built-in workloads: holds the registry name and the one-line description. */
abstract class NamedWorkload implements Workload {
  private final String name;
  private final String description;

  NamedWorkload(String name, String description) {
    this.name = Preconditions.checkNotNull(name, "name");
    this.description = Preconditions.checkNotNull(description, "description");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }
}

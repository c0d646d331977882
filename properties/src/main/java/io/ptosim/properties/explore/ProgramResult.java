package io.ptosim.properties.explore;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;

/**
 * What checking one program found, before folding: per property its problems (empty = holds; the
 * property absent = not applicable), and each policy's outcome and stall verdicts on the program's
 * own settings (the runs the properties made there).
 */
record ProgramResult(
    ExploreCase exploreCase,
    ImmutableMap<ExploreProperty, Optional<ImmutableList<String>>> problems,
    ImmutableSortedMap<String, String> outcomes,
    ImmutableSortedMap<String, ImmutableList<String>> stallVerdicts) {}

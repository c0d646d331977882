package io.ptosim.properties.gen;

/**
 * One element of a generated program's shape: a task or a nested scope. Shapes hold only small
 * integers that {@link ProgramRenderer} interprets relative to what came before (modulo the number
 * of choices), so every shape jqwik shrinks to still renders to a valid program.
 */
public sealed interface Node permits TaskNode, ScopeNode {}

/** Progress on stderr for long commands: a bar on a terminal, silent otherwise or with {@code --quiet}. */
package io.ptosim.cli.progress;

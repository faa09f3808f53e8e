package org.telecube.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code telecube etl ...}: loading feeds. */
@Command(name = "etl", mixinStandardHelpOptions = true, description = "Load feeds into the warehouse.", subcommands = EtlLoadCommand.class)
final class EtlCommand {
  @ParentCommand
  TelecubeCommand root;
}

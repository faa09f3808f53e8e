package org.telecube.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code telecube etl ...}: loading feeds ({@code load}) and publishing the work area again ({@code publish}). */
@Command(name = "etl", mixinStandardHelpOptions = true, description = "Load feeds into the warehouse, or publish it again.", subcommands = {EtlLoadCommand.class, EtlPublishCommand.class})
final class EtlCommand {
  @ParentCommand
  TelecubeCommand root;
}

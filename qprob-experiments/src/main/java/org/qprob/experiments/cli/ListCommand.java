package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.qprob.experiments.guice.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qprob list}: every registered environment, loss, agent, replay kind and run observer, with one line of
 * description each.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the registered environments, losses, agents, replay kinds and run observers (plugins on the "
        + "class path included).")
public final class ListCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    Plugins plugins = Plugins.load();
    PrintWriter out = spec.commandLine().getOut();
    section(out, "environments", plugins.environments().all(), p -> p.description()
        + (p.rewardThreshold().isPresent() ? " (reward threshold " + p.rewardThreshold().getAsDouble() + ")" : ""));
    section(out, "losses", plugins.losses().all(), p -> p.description());
    section(out, "agents", plugins.agents().all(), p -> p.description());
    section(out, "replay kinds", plugins.replays().all(), p -> p.description());
    section(out, "run observers (besides the built-in CSV logs, checkpoints, calibration and TensorBoard log)",
        plugins.observers().all(), p -> p.description());
    out.flush();
    return 0;
  }

  private static <P> void section(PrintWriter out, String title, Map<String, P> plugins, Function<P, String> line) {
    out.println(title + ":");
    int width = plugins.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, P> e : plugins.entrySet()) {
      out.println("  " + pad(e.getKey(), width) + "  " + line.apply(e.getValue()).replaceAll("\\s*\\R\\s*", " "));
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}

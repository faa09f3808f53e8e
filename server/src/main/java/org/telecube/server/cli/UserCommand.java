package org.telecube.server.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telecube.server.metadata.MetadataStoreConfiguration;
import org.telecube.server.metadata.MetadataStoreSettings;
import org.telecube.server.security.ApiToken;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.UserAccount;
import org.telecube.server.security.UserRepository;
import org.telecube.server.security.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube user}: users and their API tokens, in the metadata store of {@code --data-dir}
 * (or {@code TELECUBE_METADATA_URL}), beside a running server or without one. Passwords are read
 * from the terminal or standard input, never from the command line, where {@code ps} shows them.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, list and disable users; create and revoke API tokens.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
        UserCommand.Enable.class, UserCommand.Passwd.class, UserCommand.Token.class})
final class UserCommand {
  @ParentCommand
  TelecubeCommand root;

  /** The store, migrated as the server migrates it, and the service over it. */
  private static final class Store implements AutoCloseable {
    final HikariDataSource pool;
    final UserService users;

    Store(TelecubeCommand root) {
      // the command's output is its result (a token captured by a script): no start-up chatter on it
      for (String logger : List.of("org.flywaydb", "org.telecube.server.metadata")) {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger))
            .setLevel(ch.qos.logback.classic.Level.WARN);
      }
      MetadataStoreSettings settings = new MetadataStoreSettings(env("TELECUBE_METADATA_URL"),
          env("TELECUBE_METADATA_USERNAME"), env("TELECUBE_METADATA_PASSWORD"), 2);
      pool = MetadataStoreConfiguration.open(settings, root.dataDir.toAbsolutePath().normalize().toString());
      Flyway.configure().dataSource(pool).locations("classpath:org/telecube/server/metadata/migration").load()
          .migrate();
      JdbcClient jdbc = JdbcClient.create(pool);
      users = new UserService(new UserRepository(jdbc), new AuditLog(jdbc, Clock.systemUTC()), Clock.systemUTC(),
          10);
    }

    @Override
    public void close() {
      pool.close();
    }

    private static String env(String name) {
      String v = System.getenv(name);
      return v == null ? "" : v;
    }
  }

  static String readPassword(boolean stdin, String prompt) throws IOException {
    Console console = System.console();
    if (!stdin && console != null) {
      char[] first = console.readPassword("%s: ", prompt);
      char[] again = console.readPassword("%s (again): ", prompt);
      if (first == null || !new String(first).equals(new String(again == null ? new char[0] : again))) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      return new String(first);
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("no password on standard input");
    }
    return line;
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user.")
  static final class Add implements Callable<Integer> {
    @ParentCommand
    UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;
    @Option(names = "--role", required = true, description = "admin, analyst, manager or loader.")
    String role;
    @Option(names = "--org", defaultValue = "HQ",
        description = "Org unit: HQ (default), a province branch such as P440000, a city branch such as C440100.")
    String org;
    @Option(names = "--name", description = "Display name.")
    String displayName;
    @Option(names = "--email", description = "Email address (for burst deliveries).")
    String email;
    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean stdin;
    @Option(names = "--one-time", description = "Generate a one-time password, printed once, to be changed at the first login.")
    boolean oneTime;

    @Override
    public Integer call() throws IOException {
      try (Store store = new Store(parent.root)) {
        String password = oneTime ? store.users.oneTimePassword() : readPassword(stdin, "password for " + username);
        UserAccount u = store.users.add(new UserService.NewUser(username, displayName, email, role, org, password,
            oneTime));
        System.out.println("Added " + u.username() + " (" + u.role().code() + ", " + u.orgCode() + ")"
            + (oneTime ? "; one-time password: " + password : ""));
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand
    UserCommand parent;

    @Override
    public Integer call() {
      try (Store store = new Store(parent.root)) {
        List<List<String>> rows = new ArrayList<>();
        for (UserAccount u : store.users.list()) {
          rows.add(List.of(u.username(), u.role().code(), u.orgCode(), u.enabled() ? "yes" : "no",
              u.email() == null ? "" : u.email(), u.displayName()));
        }
        System.out.print(TextTable.render(List.of("user", "role", "org", "enabled", "email", "name"), rows,
            List.of(false, false, false, false, false, false)));
      }
      return 0;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user: their sessions and tokens stop working.")
  static final class Disable implements Callable<Integer> {
    @ParentCommand
    UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      try (Store store = new Store(parent.root)) {
        store.users.setEnabled(username, false);
        System.out.println("Disabled " + username + " (a running server notices within 10 s)");
      }
      return 0;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user again.")
  static final class Enable implements Callable<Integer> {
    @ParentCommand
    UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Override
    public Integer call() {
      try (Store store = new Store(parent.root)) {
        store.users.setEnabled(username, true);
        System.out.println("Enabled " + username);
      }
      return 0;
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a user's password (and unlock them).")
  static final class Passwd implements Callable<Integer> {
    @ParentCommand
    UserCommand parent;
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;
    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean stdin;

    @Override
    public Integer call() throws IOException {
      try (Store store = new Store(parent.root)) {
        store.users.setPassword(username, readPassword(stdin, "new password for " + username), false);
        System.out.println("Password of " + username + " set");
      }
      return 0;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke API tokens.",
      subcommands = {Token.Create.class, Token.ListTokens.class, Token.Revoke.class})
  static final class Token {
    @ParentCommand
    UserCommand parent;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token for USERNAME; it is printed once.")
    static final class Create implements Callable<Integer> {
      @ParentCommand
      Token parent;
      @Parameters(index = "0", paramLabel = "USERNAME")
      String username;
      @Option(names = "--name", defaultValue = "cli", description = "What the token is for (default cli).")
      String name;
      @Option(names = "--days", description = "Valid for this many days (default: until revoked).")
      Integer days;

      @Override
      public Integer call() {
        try (Store store = new Store(parent.parent.root)) {
          UserService.IssuedToken t = store.users.createToken(username, name, days == null ? null : Duration.ofDays(days));
          System.out.println(t.secret());
          System.err.println("Token " + t.token().publicId() + " of " + username
              + ": shown this once; send it as Authorization: Bearer, or set TELECUBE_TOKEN for the command line");
        }
        return 0;
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (of USERNAME, or everyone's).")
    static final class ListTokens implements Callable<Integer> {
      @ParentCommand
      Token parent;
      @Parameters(index = "0", paramLabel = "USERNAME", arity = "0..1")
      String username;

      @Override
      public Integer call() {
        try (Store store = new Store(parent.parent.root)) {
          List<List<String>> rows = new ArrayList<>();
          for (ApiToken t : store.users.tokens(username)) {
            rows.add(List.of(t.publicId(), t.username(), t.name(), String.valueOf(t.createdAt()),
                t.lastUsedAt() == null ? "" : t.lastUsedAt().toString(),
                t.revokedAt() != null ? "revoked" : t.expiresAt() == null ? "" : "until " + t.expiresAt()));
          }
          System.out.print(TextTable.render(List.of("id", "user", "name", "created", "last used", "state"), rows,
              List.of(false, false, false, false, false, false)));
        }
        return 0;
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
    static final class Revoke implements Callable<Integer> {
      @ParentCommand
      Token parent;
      @Parameters(index = "0", paramLabel = "ID")
      String id;

      @Override
      public Integer call() {
        try (Store store = new Store(parent.parent.root)) {
          if (!store.users.revokeToken(id)) {
            throw new IllegalArgumentException("no token " + id + " that is not revoked already");
          }
          System.out.println("Revoked " + id + " (a running server notices within 10 s)");
        }
        return 0;
      }
    }
  }
}

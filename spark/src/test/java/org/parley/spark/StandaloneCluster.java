package org.parley.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for the tests: one Master and two Workers (one core
 * each), each a JVM started from the test's own classpath; the Workers start executors with the
 * same classpath. {@link #close()} ends every process it started (executors first) and waits.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path home;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final int port;

    StandaloneCluster(int workerCount) throws IOException, InterruptedException {
        home = Files.createTempDirectory("parley-spark-home");
        Files.createDirectories(home.resolve("jars")); // the launcher wants SPARK_HOME/jars; ours come from the classpath
        port = freePort();
        processes.add(start("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()))));
        waitForPort(port);
        for (int i = 0; i < workerCount; i++) {
            Path work = Files.createDirectories(home.resolve("work-" + i));
            Process w = start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                    work.toString(), masterUrl()));
            processes.add(w);
            workers.add(w);
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The executor processes the Workers run now (children of the Worker JVMs). */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : workers) {
            w.toHandle().descendants().filter(StandaloneCluster::isExecutor).forEach(out::add);
        }
        return out;
    }

    /** An executor JVM: its arguments name CoarseGrainedExecutorBackend (read from /proc: the JDK cuts long ones). */
    private static boolean isExecutor(ProcessHandle p) {
        Path cmdline = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("CoarseGrainedExecutorBackend");
            }
        } catch (IOException gone) {
            return false;
        }
        return p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend");
    }

    private Process start(String name, List<String> mainAndArgs) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.addAll(Arrays.asList(System.getProperty("parley.spark.opens", "").split("\\s+")));
        cmd.removeIf(String::isEmpty);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_DIST_CLASSPATH", classpath); // what the Workers put on their executors' classpath
        pb.redirectErrorStream(true);
        pb.redirectOutput(home.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** The Master's and Workers' logs (for a failure message). */
    String logs() {
        StringBuilder b = new StringBuilder();
        File[] files = home.toFile().listFiles((d, n) -> n.endsWith(".log"));
        if (files != null) {
            for (File f : files) {
                try {
                    List<String> lines = Files.readAllLines(f.toPath());
                    b.append("== ").append(f.getName()).append('\n');
                    lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> b.append(l).append('\n'));
                } catch (IOException e) {
                    b.append(f).append(": ").append(e).append('\n');
                }
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (ProcessHandle e : executors()) {
            e.destroyForcibly();
        }
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        }
        if (Boolean.getBoolean("parley.spark.keep")) {
            System.err.println("kept the cluster's logs and work folders in " + home);
            return;
        }
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void waitForPort(int p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 500);
                return;
            } catch (IOException notYet) {
                if (!processes.get(0).isAlive()) {
                    throw new IOException("the Spark Master ended at start:\n" + logs());
                }
                processes.get(0).waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        throw new IOException("the Spark Master did not listen on " + p + " within 60 s:\n" + logs());
    }
}

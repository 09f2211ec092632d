package dk.vendepunkt.platform.imports;

import dk.vendepunkt.platform.internal.DatabaseCommand;

/**
 * Recognises the command-line entry points: the import ({@code --import=<kind> --file=<path>}, run by the
 * application without its web server) and {@code backup --to FILE} / {@code restore --from FILE} of the embedded
 * database (run without the application).
 */
public final class CommandLine {

    private CommandLine() {}

    public static boolean isImport(String[] args) {
        for (String a : args) {
            if (a.startsWith("--import=")) return true;
        }
        return false;
    }

    public static boolean isDatabaseCommand(String[] args) {
        return DatabaseCommand.handles(args);
    }

    /** Runs backup or restore; the exit code (0 done, 1 failed, 2 wrong use). */
    public static int runDatabaseCommand(String[] args) {
        return DatabaseCommand.run(args);
    }
}

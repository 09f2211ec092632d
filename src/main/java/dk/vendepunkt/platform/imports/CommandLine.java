package dk.vendepunkt.platform.imports;

/** Recognises the command-line import ({@code --import=<kind> --file=<path>}). */
public final class CommandLine {

    private CommandLine() {}

    public static boolean isImport(String[] args) {
        for (String a : args) {
            if (a.startsWith("--import=")) return true;
        }
        return false;
    }
}

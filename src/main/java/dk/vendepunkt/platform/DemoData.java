package dk.vendepunkt.platform;

/**
 * A module's contribution to the generated demo data, loaded once on the first start of a database
 * when {@code vendepunkt.demo-data} is on (default: on for the embedded database). Contributors run in
 * {@link #order()} (organisation first, then people, casework, ...). All data is synthetic.
 */
public interface DemoData {

    int order();

    void load(DemoContext context);

    /** Shared state of one demo load: a seeded random source and the logins to print. */
    interface DemoContext {
        java.util.random.RandomGenerator random();

        /** Registers a demo login to be printed at every start (password kept in the data dir). */
        void login(String role, String username, String password);

        java.time.LocalDate today();
    }
}

package dk.vendepunkt.portfolio;

import dk.vendepunkt.portfolio.demo.PortfolioDemoData;

/** Loads the portfolio's demo data (the seeds' tables) once per test JVM; the load is idempotent. */
final class PortfolioFixtures {

    private static boolean loaded;

    private PortfolioFixtures() {}

    static synchronized void demo(PortfolioDemoData demo) {
        if (loaded) return;
        demo.load(null);
        loaded = true;
    }
}

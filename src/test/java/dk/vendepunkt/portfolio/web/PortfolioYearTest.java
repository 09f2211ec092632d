package dk.vendepunkt.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sikker By overview opens on the year with the portfolio (the demo's 2010), not on the thin latest year. */
class PortfolioYearTest {

    @Test
    void opensOnTheYearWithTheMostInitiatives() {
        // the demo's budget lines: Bilag 3's 85 initiatives in 2010, then fewer each year
        Map<Integer, Long> demo = Map.of(2010, 85L, 2011, 26L, 2012, 13L, 2013, 13L, 2014, 11L, 2015, 5L);
        assertThat(PortfolioPageController.portfolioYear(demo, 2026)).isEqualTo(2010);
    }

    @Test
    void tiesGoToTheLaterYearAndFutureYearsAreNotOpened() {
        assertThat(PortfolioPageController.portfolioYear(Map.of(2012, 13L, 2013, 13L, 2030, 99L), 2026)).isEqualTo(2013);
        assertThat(PortfolioPageController.portfolioYear(Map.of(2030, 4L), 2026)).isEqualTo(2030);
        assertThat(PortfolioPageController.portfolioYear(Map.of(), 2026)).isEqualTo(2026);
    }
}

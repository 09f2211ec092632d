package dk.vendepunkt.reporting;

/**
 * A table of counts after disclosure control: the values, which of them are withheld, and the row,
 * column and grand totals with their own flags. Use {@link #cell}, {@link #rowTotalCell},
 * {@link #columnTotalCell} and {@link #grandTotalCell} to fill a {@link ReportSection.Table}: they give
 * the count or {@link ReportMark#SUPPRESSED}. Build one with {@link DisclosurePolicy}.
 */
public final class SuppressedTable {

    private final int rows;
    private final int columns;
    private final boolean rowTotals;
    private final boolean columnTotals;
    /** (rows+1) × (columns+1): inner cells, row totals in the last column, column totals in the last row. */
    private final long[][] grid;
    private final boolean[][] suppressed;

    private SuppressedTable(long[][] cells, boolean rowTotals, boolean columnTotals) {
        this.rows = cells.length;
        this.columns = rows == 0 ? 0 : cells[0].length;
        this.rowTotals = rowTotals;
        this.columnTotals = columnTotals;
        this.grid = new long[rows + 1][columns + 1];
        this.suppressed = new boolean[rows + 1][columns + 1];
        for (int i = 0; i < rows; i++) {
            if (cells[i].length != columns) {
                throw new IllegalArgumentException("row " + i + " has " + cells[i].length + " cells, expected " + columns);
            }
            for (int j = 0; j < columns; j++) {
                long n = cells[i][j];
                if (n < 0) {
                    throw new IllegalArgumentException("counts cannot be negative");
                }
                grid[i][j] = n;
                grid[i][columns] += n;
                grid[rows][j] += n;
                grid[rows][columns] += n;
            }
        }
    }

    /** The table as it is, nothing withheld (internal figures). */
    public static SuppressedTable unsuppressed(long[][] cells, boolean rowTotals, boolean columnTotals) {
        return new SuppressedTable(cells, rowTotals, columnTotals);
    }

    /*
     * grid(), flags(), exists(), hasRowTotals() and hasColumnTotals() are public for the disclosure control in
     * reporting.internal, which sets the flags; other modules read a table through cell() and the totals.
     */

    public long[][] grid() {
        return grid;
    }

    public boolean[][] flags() {
        return suppressed;
    }

    public boolean exists(int i, int j) {
        if (i < rows && j < columns) {
            return true;
        }
        if (i < rows) {
            return rowTotals;
        }
        if (j < columns) {
            return columnTotals;
        }
        return rowTotals && columnTotals;
    }

    public boolean hasRowTotals() {
        return rowTotals;
    }

    public boolean hasColumnTotals() {
        return columnTotals;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public long value(int row, int column) {
        check(row, column);
        return grid[row][column];
    }

    public boolean suppressed(int row, int column) {
        check(row, column);
        return suppressed[row][column];
    }

    /** The count, or {@link ReportMark#SUPPRESSED}. */
    public Object cell(int row, int column) {
        return suppressed(row, column) ? ReportMark.SUPPRESSED : (Object) value(row, column);
    }

    public long rowTotal(int row) {
        check(row, 0);
        return grid[row][columns];
    }

    public boolean rowTotalSuppressed(int row) {
        check(row, 0);
        return rowTotals ? suppressed[row][columns] : columns == 1 && suppressed[row][0];
    }

    public Object rowTotalCell(int row) {
        return rowTotalSuppressed(row) ? ReportMark.SUPPRESSED : (Object) rowTotal(row);
    }

    public long columnTotal(int column) {
        check(0, column);
        return grid[rows][column];
    }

    public boolean columnTotalSuppressed(int column) {
        check(0, column);
        return columnTotals ? suppressed[rows][column] : rows == 1 && suppressed[0][column];
    }

    public Object columnTotalCell(int column) {
        return columnTotalSuppressed(column) ? ReportMark.SUPPRESSED : (Object) columnTotal(column);
    }

    public long grandTotal() {
        return grid[rows][columns];
    }

    /** Whether the grand total is withheld; for a one-column table it is that column's total. */
    public boolean grandTotalSuppressed() {
        if (rowTotals && columnTotals) {
            return suppressed[rows][columns];
        }
        if (columnTotals && columns == 1) {
            return suppressed[rows][0];
        }
        if (rowTotals && rows == 1) {
            return suppressed[0][columns];
        }
        return false;
    }

    public Object grandTotalCell() {
        return grandTotalSuppressed() ? ReportMark.SUPPRESSED : (Object) grandTotal();
    }

    /** Number of withheld figures (cells and totals). */
    public int suppressedCount() {
        int n = 0;
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= columns; j++) {
                if (suppressed[i][j] && exists(i, j)) {
                    n++;
                }
            }
        }
        return n;
    }

    private void check(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("cell (" + row + "," + column + ") outside a " + rows + "×" + columns + " table");
        }
    }
}

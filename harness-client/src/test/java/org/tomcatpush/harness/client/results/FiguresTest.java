package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The harness's two ways of writing a number, side by side: a cell of a results file keeps at most
 * three decimals (the precision figures are compared on), a display figure has three significant
 * digits; both keep whole numbers exact, and they differ in what they write for an unknown value.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FiguresTest {

    @ParameterizedTest(name = "{0}: cell {1}, display {2}")
    @CsvSource({
        // whole numbers stay exact in both: counts stay counts
        "12,         12,        12",
        "2401,       2401,      2401",
        "100.0,      100,       100",
        "0,          0,         0",
        "-0.0,       0,         0",
        // fractions: three decimals in a cell, three significant digits on display
        "5.2,        5.2,       5.2",
        "-3.5,       -3.5,      -3.5",
        "1.449,      1.449,     1.45",
        "12.345,     12.345,    12.3",
        "198.5,      198.5,     199",
        "12345.6,    12345.6,   12300",
        "12345.6789, 12345.679, 12300",
        "299401.2,   299401.2,  299000",
        // a value just past a limit of 240 stays past it in a cell
        "240.3999,   240.4,     240",
        // small fractions: a cell rounds to three decimals, display keeps the digits that matter
        "0.012345,   0.012,     0.0123",
        "0.0005,     0.001,     0.0005",
        "0.0001,     0,         0.0001",
        // unknown: an empty cell, n/a on display
        "NaN,        '',        n/a",
        "Infinity,   '',        inf",
        "-Infinity,  '',        -inf"})
    void aCellKeepsThreeDecimalsADisplayFigureThreeSignificantDigits(double value, String cell, String display) {
        assertEquals(cell, Figures.cell(value));
        assertEquals(display, Figures.display(value));
    }

    @ParameterizedTest(name = "{0} is the cell ''{1}''")
    @CsvSource({
        "7,        7",
        "0,        0",
        "-1,       ''"})
    void aNegativeCountIsAnEmptyCell(long count, String cell) {
        assertEquals(cell, Figures.countCell(count));
    }

    @ParameterizedTest(name = "{0} is the cell ''{1}''")
    @CsvSource({
        "2.5,      2.5",
        "0,        0",
        "-1,       ''"})
    void aNegativeSampledMeanIsAnEmptyCell(double mean, String cell) {
        assertEquals(cell, Figures.knownCell(mean));
    }

    @ParameterizedTest(name = "{0} bytes are the cell ''{1}''")
    @CsvSource({
        "1572864,  1.5",
        "1048576,  1",
        "1000000,  0.954",
        "0,        0",
        "-1,       ''"})
    void bytesAreACellOfMebibytes(long bytes, String cell) {
        assertEquals(cell, Figures.megabytesCell(bytes));
    }

    @ParameterizedTest(name = "{0} is the cell ''{1}''")
    @CsvSource({
        "80000.4,  80000",
        "-333.4,   -333",
        "2.5,      3",
        "NaN,      ''"})
    void aWholeNumberCellRoundsNegativeFiguresToo(double value, String cell) {
        assertEquals(cell, Figures.wholeNumberCell(value));
    }

    @Test
    void anAbsentCountIsAnEmptyCell() {
        assertEquals("5", Figures.nullableCell(5L));
        assertEquals("", Figures.nullableCell(null));
    }

    @Test
    void anAbsentDisplayFigureIsNotAvailable() {
        assertEquals("n/a", Figures.display(OptionalDouble.empty()));
        assertEquals("0.0123", Figures.display(OptionalDouble.of(0.012345)));
        assertEquals(Figures.NOT_AVAILABLE, Figures.display(Double.NaN));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "1,     1 message",
        "3,     3 messages",
        "0,     0 messages",
        "1.5,   1.5 messages"})
    void aDisplayedCountAgreesWithItsNoun(double count, String text) {
        assertEquals(text, Figures.display(count, "message", "messages"));
    }
}

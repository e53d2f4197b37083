package io.atelier.engine.measure;

import static io.atelier.engine.Photos.COFFEE;
import static io.atelier.engine.Photos.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.WhiteBalance;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift figures on the real photo, each edit moving the figure that describes it and not the others. */
class DriftTest {

    @Test
    void anUnchangedPhotoHasNoDrift() {
        DriftMeasures d = Drift.between(COFFEE, COFFEE);
        assertThat(d.ssim()).isEqualTo(1.0, within(1e-4));
        assertThat(d.meanDeltaE()).isZero();
        assertThat(d.histogramDistance()).isZero();
        assertThat(d.temperatureShiftKelvin()).isZero();
        assertThat(d.exposureShiftStops()).isZero();
        assertThat(d.score()).isZero();
        assertThat(d.warns()).isFalse();
    }

    @Test
    void warmingShowsAsLowerColourTemperatureNotAsLostStructure() {
        DriftMeasures d = Drift.between(COFFEE, run(COFFEE, new WhiteBalance(40, 0, Region.WHOLE)));
        assertThat(d.temperatureShiftKelvin()).isLessThan(-250);
        assertThat(d.ssim()).isGreaterThan(0.97);
        assertThat(d.meanDeltaE()).isGreaterThan(2);
        DriftMeasures cooler = Drift.between(COFFEE, run(COFFEE, new WhiteBalance(-40, 0, Region.WHOLE)));
        assertThat(cooler.temperatureShiftKelvin()).isGreaterThan(250);
        assertThat(d.warns()).isFalse();
    }

    @Test
    void exposureIsMeasuredInStops() {
        DriftMeasures brighter = Drift.between(COFFEE, run(COFFEE, new Exposure(0.5, Region.WHOLE)));
        DriftMeasures darker = Drift.between(COFFEE, run(COFFEE, new Exposure(-1, Region.WHOLE)));
        // Highlights clip on the way up, so a brightening measures a little under its nominal stops.
        assertThat(brighter.exposureShiftStops()).isBetween(0.3, 0.55);
        assertThat(darker.exposureShiftStops()).isEqualTo(-1.0, within(0.1));
    }

    @Test
    void blurLosesStructureButKeepsTheColours() {
        DriftMeasures d = Drift.between(COFFEE, run(COFFEE, new Blur(1.5, Region.WHOLE)));
        assertThat(d.ssim()).isLessThan(0.85);
        assertThat(d.histogramDistance()).isLessThan(0.3);
        assertThat(Math.abs(d.temperatureShiftKelvin())).isLessThan(100);
    }

    @Test
    void aCropIsFoundInTheOriginalAndHasNearlyNoDrift() {
        for (int[] ratio : new int[][] {{1, 1}, {4, 5}, {16, 9}}) {
            DriftMeasures d = Drift.between(COFFEE, run(COFFEE, new CropToAspect(ratio[0], ratio[1], CropToAspect.Anchor.CENTRE)));
            assertThat(d.reframed()).isTrue();
            assertThat(d.aligned()).isTrue();
            assertThat(d.ssim()).as("%d:%d", ratio[0], ratio[1]).isGreaterThan(0.9);
            assertThat(d.score()).as("%d:%d", ratio[0], ratio[1]).isLessThan(10);
        }
        // where the square lies in the 600 × 400 original: its middle 400 × 400, to within a pixel of the analysis copy
        DriftMeasures square = Drift.between(COFFEE, run(COFFEE, new CropToAspect(1, 1, CropToAspect.Anchor.CENTRE)));
        assertThat(square.window()).hasSize(4);
        assertThat(square.window().get(0)).isCloseTo(1 / 6.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(square.window().get(1)).isCloseTo(0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(square.window().get(2)).isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(square.window().get(3)).isCloseTo(1, org.assertj.core.api.Assertions.within(0.01));
        assertThat(Drift.between(COFFEE, run(COFFEE, new WhiteBalance(40, 0, Region.WHOLE))).window()).as("same shape: no window").isEmpty();
    }

    @Test
    void editsAfterACropAreMeasuredAgainstThePartOfTheOriginalTheyShow() {
        BufferedImage square = run(COFFEE, new CropToAspect(1, 1, CropToAspect.Anchor.CENTRE));
        DriftMeasures warmed = Drift.between(COFFEE, run(square, new WhiteBalance(40, 0, Region.WHOLE)));
        assertThat(warmed.aligned()).isTrue();
        assertThat(warmed.temperatureShiftKelvin()).isLessThan(-250);
        assertThat(warmed.ssim()).isGreaterThan(0.9);
        DriftMeasures mono = Drift.between(COFFEE, run(square, new io.atelier.engine.ops.Monochrome(Region.WHOLE)));
        assertThat(mono.aligned()).isTrue();
        assertThat(mono.warns()).isTrue();
    }

    @Test
    void aThumbnailIsMeasuredAsThePhotoItStandsFor() {
        BufferedImage square = run(COFFEE, new CropToAspect(1, 1, CropToAspect.Anchor.CENTRE));
        BufferedImage thumbnail = io.atelier.imaging.Thumbnails.fit(square, io.atelier.imaging.Thumbnails.DEFAULT_SIZE); // as the worker stores it
        DriftMeasures d = Drift.between(COFFEE, COFFEE.getWidth(), COFFEE.getHeight(), thumbnail, square.getWidth(), square.getHeight());
        assertThat(d.aligned()).isTrue();
        assertThat(d.score()).isLessThan(10);
    }

    @Test
    void aMonochromeConversionIsFullDrift() {
        DriftMeasures d = Drift.between(COFFEE, run(COFFEE, new io.atelier.engine.ops.Monochrome(Region.WHOLE)));
        assertThat(d.histogramDistance()).isGreaterThan(0.9);
        assertThat(d.score()).isEqualTo(100.0);
    }

    @Test
    void driftAccumulatesAlongAChainOfEdits() {
        // each step alone is modest; together they take the photo somewhere else
        BufferedImage one = run(COFFEE, new WhiteBalance(30, 0, Region.WHOLE));
        BufferedImage two = run(one, new Saturation(25, Region.WHOLE));
        BufferedImage three = run(two, new WhiteBalance(30, 0, Region.WHOLE));
        assertThat(Drift.between(COFFEE, one).warns()).isFalse();
        double s1 = Drift.between(COFFEE, one).score();
        double s2 = Drift.between(COFFEE, two).score();
        double s3 = Drift.between(COFFEE, three).score();
        assertThat(s1).isLessThan(s2);
        assertThat(s2).isLessThan(s3);
        assertThat(Drift.between(COFFEE, three).warns()).isTrue();
    }

    @Test
    void theSameImagesAlwaysGiveTheSameFigures() {
        BufferedImage edited = run(COFFEE, new WhiteBalance(30, 10, Region.WHOLE));
        assertThat(Drift.between(COFFEE, edited)).isEqualTo(Drift.between(COFFEE, edited));
    }

    @Test
    void aCandidateMeasuredAgainstTwoImagesGetsWhatEachMeasureAloneGivesAndWorksOutItsOwnSideOnce() {
        // a chained step: measured against its parent, then against the session's original
        BufferedImage parent = run(COFFEE, new WhiteBalance(30, 0, Region.WHOLE));
        BufferedImage step = run(parent, new Saturation(25, Region.WHOLE));
        DriftCandidate candidate = new DriftCandidate(step, step.getWidth(), step.getHeight());
        DriftMeasures againstParent = Drift.between(parent, parent.getWidth(), parent.getHeight(), candidate);
        DriftMeasures againstOriginal = Drift.between(COFFEE, COFFEE.getWidth(), COFFEE.getHeight(), candidate);
        assertThat(againstParent).isEqualTo(Drift.between(parent, step));
        assertThat(againstOriginal).isEqualTo(Drift.between(COFFEE, step));
        assertThat(againstOriginal.meanDeltaE()).isGreaterThan(againstParent.meanDeltaE());
        assertThat(againstOriginal.dominantColours()).as("the step's colours, found once").isSameAs(againstParent.dominantColours());
        // a crop, then an edit: found as a window of either reference, and of a reference of another shape
        BufferedImage square = run(parent, new CropToAspect(1, 1, CropToAspect.Anchor.CENTRE));
        DriftCandidate cropped = new DriftCandidate(square, square.getWidth(), square.getHeight());
        assertThat(Drift.between(parent, parent.getWidth(), parent.getHeight(), cropped)).isEqualTo(Drift.between(parent, square));
        assertThat(Drift.between(COFFEE, COFFEE.getWidth(), COFFEE.getHeight(), cropped)).isEqualTo(Drift.between(COFFEE, square));
        BufferedImage unrelated = run(COFFEE, new CropToAspect(9, 16, CropToAspect.Anchor.CENTRE), new io.atelier.engine.ops.Monochrome(Region.WHOLE));
        DriftMeasures notFound = Drift.between(unrelated, unrelated.getWidth(), unrelated.getHeight(), cropped);
        assertThat(notFound).isEqualTo(Drift.between(unrelated, square));
        assertThat(notFound.reframed()).isTrue();
    }

    @Test
    void dominantColoursOfATwoColourImageAreThoseColoursInTheirShares() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2E7D32));
        g.fillRect(0, 0, 150, 100);
        g.setColor(new Color(0xF3EAD7));
        g.fillRect(150, 0, 50, 100);
        g.dispose();
        List<DominantColour> colours = Drift.between(image, image).dominantColours();
        assertThat(colours.get(0).colour()).isEqualTo(Rgb.parse("#2e7d32"));
        assertThat(colours.get(0).share()).isEqualTo(0.75, within(0.02));
        assertThat(colours).extracting(DominantColour::colour).contains(Rgb.parse("#f3ead7"));
        assertThat(DominantColours.distanceToPalette(colours, List.of(Rgb.parse("#2e7d32"), Rgb.parse("#f3ead7"))))
                .isLessThan(0.5);
        assertThat(DominantColours.distanceToPalette(colours, List.of(Rgb.parse("#1565c0")))).isGreaterThan(30);
    }
}

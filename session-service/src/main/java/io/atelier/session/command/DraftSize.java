package io.atelier.session.command;

import io.atelier.platform.problem.ProblemException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size a draft is asked at: {@code size} "WIDTHxHEIGHT" as given, or {@code aspect} "W:H" at about one
 * megapixel (sides in multiples of 64, what image models work in), or 1024×1024. The engine then picks
 * the size its provider accepts closest in shape.
 */
public record DraftSize(int width, int height) {
    static final int MIN_SIDE = 256;
    static final int MAX_SIDE = 4096;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})");
    private static final Pattern ASPECT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)\\s*:\\s*(\\d{1,3}(?:\\.\\d{1,3})?)");
    private static final DraftSize SQUARE = new DraftSize(1024, 1024);

    /** Reads the optional fields; throws the invalid-size problem saying what is accepted. */
    public static DraftSize of(String size, String aspect) {
        boolean hasSize = size != null && !size.isBlank();
        boolean hasAspect = aspect != null && !aspect.isBlank();
        if (hasSize && hasAspect) {
            throw invalid("Give 'size' or 'aspect', not both.");
        }
        if (hasSize) {
            Matcher m = SIZE.matcher(size.strip());
            if (!m.matches()) {
                throw invalid("'size' is WIDTHxHEIGHT from " + MIN_SIDE + " to " + MAX_SIDE + " a side, e.g. 1536x1024; got '" + size + "'.");
            }
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w < MIN_SIDE || h < MIN_SIDE || w > MAX_SIDE || h > MAX_SIDE) {
                throw invalid("'size' is WIDTHxHEIGHT from " + MIN_SIDE + " to " + MAX_SIDE + " a side; got " + w + "x" + h + ".");
            }
            return new DraftSize(w, h);
        }
        if (hasAspect) {
            Matcher m = ASPECT.matcher(aspect.strip().toLowerCase(Locale.ROOT));
            double ratio = m.matches() && Double.parseDouble(m.group(2)) > 0 ? Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)) : 0;
            if (ratio < 0.25 || ratio > 4) {
                throw invalid("'aspect' is W:H between 1:4 and 4:1, e.g. 3:2; got '" + aspect + "'.");
            }
            int w = (int) Math.round(Math.sqrt(1024 * 1024 * ratio) / 64) * 64;
            int h = (int) Math.round(Math.sqrt(1024 * 1024 / ratio) / 64) * 64;
            return new DraftSize(w, h);
        }
        return SQUARE;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-size", "Invalid size", detail);
    }
}

package io.atelier.engine.planner;

import java.util.regex.Pattern;

/** Reading of clauses that ask for new content (a thing added, removed or recoloured, a new set), which only synthesis can paint. */
final class NewContent {
    private static final Pattern THINGS = Pattern.compile("\\b(hands?|fingers|arms?|person|people|man|woman|girl|boy|child|kid|model|figure|face|smile|sleeves?|sweater|plant|pot|flowers?|vase|beans?|card|props?|objects?|table ?cloth|book|notebook|laptop|phone|saucer|spoon|cookie|croissant|pastry|cake|donut|napkin|leaves|tree|window|lamp|logo|sign|bottle|glass|cup|mug|bird|cat|dog|chair|candle|steam ?punk|sugar|milk jug|jug|biscuit|newspaper|glasses|foliage|greenery|plants|props|decor|sunglasses|hat|watermark|crumbs|stain|scratch(?:es)?|blemish(?:es)?|cable|wire|background with|beach|mountains?|city|sky with|clouds|rainbow|snow|rain)\\b");
    private static final Pattern BRING_IN = Pattern.compile("^(?:please |can you |could you |now |also |then |maybe |pls |plz )?(add|place|put|include|insert|introduce|bring in|populate|scatter|surround|fill|show|replace|swap|remove|erase|delete|get rid of|take out|take away|clean up|retouch|paint|generate|composite|clone(?: out)?|photoshop|make the (?:woman|man|person|model|girl|boy)|change the (?:table|background|backdrop|wall|cup|mug|sky))\\b");
    private static final Pattern RECOLOUR = Pattern.compile("\\b(?:make|turn|paint|colou?r|change) the (?:cup|mug|saucer|plate|table|wall|shirt|sweater|chair|spoon|napkin|flowers?|car|door) (?:to |into )?(?:\\w+ )?(?:red|blue|green|yellow|pink|purple|orange|black|white|gold|silver|brown|grey|gray)\\b|\\binstead of\\b");
    private static final Pattern STAGING = Pattern.compile("\\b(in use|being used|in action|lifestyle|in context|real[- ]life setting|on a model)\\b");
    private static final Pattern EFFECTS = Pattern.compile("\\b(smoke|wisps?|light|lighting|sunlight|sunshine|glow|bloom|haze|mist|fog|steam|vapou?r|grains?|noise|dust|flare|leak|vignette|text|title|caption|headline|words|overlay|layer|veil|tint|wash|colou?rs?|gradient|shadows?|contrast|warmth|clarity|sharpness|blur|bokeh|highlights|vibrance|saturation|space|room|tones?|palette|cast|exposure|drama|texture|border|frame|brightness|depth|mood|feel|pop|punch|detail|look|vibe|style|finish|effect|fade|matte|grade|grading|filter|sparkle|shine|sheen|touch of \\w+|bit of \\w+|warm\\w*|cool\\w*|magenta|green|pink|blue|yellow|orange|red|teal)\\b");

    private NewContent() {
    }

    /** A verb that brings something in (or takes it out) whose object is a thing rather than an effect. */
    static boolean bringsSomethingIn(String clause) {
        if (RECOLOUR.matcher(clause).find()) {
            return true; // "make the cup red instead of white": recolouring one object is painting
        }
        if (STAGING.matcher(clause).find() && !EFFECTS.matcher(clause.replaceAll("\\b(background|setting|scene|context)\\b", "")).find()) {
            return true; // "show the product in use", "create a clean lifestyle background": staging a new set
        }
        var verb = BRING_IN.matcher(clause);
        if (!verb.find()) {
            return false;
        }
        String object = clause.substring(verb.end()).trim();
        if (object.isEmpty() || object.matches("(?:it|them|that|this|those)(?: \\w+)?")) {
            return false; // "please remove", "get rid of it": what goes is said elsewhere
        }
        if (verb.group(1).matches("replace|swap|change the .*") && object.matches(".*\\b(background|backdrop|setting|scene|sky|wall|table)\\b.*")
                && !object.matches(".*\\b(gradient|colou?r|plain|solid)\\b.*") && ColourNames.find(object).isEmpty()) {
            return true;
        }
        String head = object.split("\\b(on|onto|to|in|into|near|next to|beside|around|behind|over|at|from|leaning|holding|across|that|which|rising|coming)\\b", 2)[0];
        if (EFFECTS.matcher(head).find()) {
            return false;
        }
        if (verb.group(1).matches("add|place|put|include|insert|introduce|scatter") && head.matches(".*\\b(an?|some|few|several|two|three|pair of|scattered|small|little|big|large)\\b.*")) {
            return true; // "include some foliage": a thing, even one not in the list
        }
        return THINGS.matcher(object).find() || verb.group(1).matches("make the .*|change the .*|remove|erase|delete|get rid of|take out|take away|retouch|paint|draw|generate");
    }
}

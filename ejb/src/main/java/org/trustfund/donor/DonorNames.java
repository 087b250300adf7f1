package org.trustfund.donor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The key two donor names are compared by, to catch a donor recorded twice: "Fondation Éxample S.A." and
 * "fondation example" are one. Case, accents, punctuation and spacing do not count, nor a legal form at the end
 * (Inc., Ltd, GmbH, S.A. …) nor a leading "The".
 */
public final class DonorNames {

    /** Legal forms, already without dots and spaces ("S.A." and "S. A." are both "sa"). */
    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
            "corp", "corporation", "co", "company", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab",
            "as", "oy", "kk", "pty", "pvt", "lp");

    private DonorNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ");
        // Dots and apostrophes join ("S.A." -> "sa", "People's" -> "peoples"); other punctuation separates.
        plain = plain.replaceAll("[.'’`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        List<String> words = new ArrayList<>(Arrays.asList(plain.split(" ")));
        words.removeIf(String::isEmpty);
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        return String.join(" ", words);
    }
}

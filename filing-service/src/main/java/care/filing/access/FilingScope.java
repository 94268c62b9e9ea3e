package care.filing.access;

import care.contracts.event.Sector;

/**
 * Which filings a list or a figure may draw on, as query terms; made only by {@link Access}, from the same rules as a
 * single read. Either an institution's own filings ({@code uscc}; for a registrant, also {@code applicantId}: only the
 * ones its own account made, which can only be NEW filings), or filings of an area ({@code divisionPrefix}: a
 * county's code, or a city's first four digits), of one sector or both ({@code sector} null), and then only filings
 * that were once submitted.
 */
public record FilingScope(String uscc, String applicantId, Sector sector, String divisionPrefix) {

    public boolean ownFilings() {
        return uscc != null;
    }
}

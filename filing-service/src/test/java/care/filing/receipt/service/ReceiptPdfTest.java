package care.filing.receipt.service;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the PDF receipt sets text: lines that fit, and a box for a character the font lacks instead of a failure. */
class ReceiptPdfTest {

    @Test
    void longTextWrapsWithinTheWidthAndAMissingCharacterPrintsAsABox() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("fonts/wqy-microhei.ttc");
             TrueTypeCollection fonts = new TrueTypeCollection(in);
             PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fonts.getFontByName("WenQuanYiMicroHei"), true);

            String address = "云南省昆明市五华区学府路".repeat(6) + "88号";
            List<String> lines = ReceiptPdf.wrap(font, 11, address, 150);
            assertTrue(lines.size() > 3, "wrapped into several lines: " + lines);
            assertEquals(address, String.join("", lines));
            for (String line : lines) {
                assertTrue(font.getStringWidth(line) / 1000 * 11 <= 150, line);
            }

            // U+2A6A5 (CJK Extension B) is not in the font
            assertEquals("张□丽", ReceiptPdf.printable(font, "张\uD869\uDEA5丽"));
        }
    }

    /**
     * Receipts made at once on several threads from the one loaded font are each whole and right: every one has its
     * own institution's name and the font's subset embedded. Also prints the time per receipt (a figure, not a check).
     */
    @Test
    void receiptsMadeAtOnceOnSeveralThreadsAreEachWhole() throws Exception {
        ReceiptPdf receipts = new ReceiptPdf(new ReceiptRenderer());
        long started = System.nanoTime();
        receipts.pdf(filing(0));
        long first = System.nanoTime() - started;
        int warm = 30;
        started = System.nanoTime();
        for (int i = 0; i < warm; i++) {
            receipts.pdf(filing(i));
        }
        long each = (System.nanoTime() - started) / warm;
        System.out.printf("receipt.pdf: first %d ms, then %.1f ms each (%d in a row, one thread)%n",
                first / 1_000_000, each / 1e6, warm);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> made = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                made.add(pool.submit(() -> {
                    byte[] pdf = receipts.pdf(filing(n));
                    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                        return n + "|" + new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                    }
                }));
            }
            for (java.util.concurrent.Future<String> f : made) {
                String[] result = f.get().split("\\|", 2);
                assertTrue(result[1].contains("并发测试养老院" + result[0] + "号") && result[1].contains("五华区民政局"),
                        "receipt " + result[0] + " is whole: " + result[1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static care.filing.filing.domain.Filing filing(int n) {
        care.filing.filing.domain.Filing f = new care.filing.filing.domain.Filing();
        f.id = java.util.UUID.randomUUID();
        f.type = care.filing.filing.domain.FilingType.NEW;
        f.status = care.filing.filing.domain.FilingStatus.APPROVED;
        f.uscc = "52530102MJA00001X1";
        f.institution = new care.filing.filing.domain.InstitutionFacts(care.contracts.event.Sector.ELDERLY,
                "并发测试养老院" + n + "号", care.contracts.event.InstitutionKind.PRIVATE_CARE_HOME, null, "530100",
                "530102", "昆明市五华区学府路" + n + "号", "张丽", null, 100 + n);
        f.decidedAt = java.time.Instant.parse("2026-11-20T02:00:00Z");
        f.receiptNumber = "530102-2026-" + String.format("%06d", n + 1);
        return f;
    }
}

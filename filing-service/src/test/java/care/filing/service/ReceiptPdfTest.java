package care.filing.service;

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
}

package care.filing.receipt.service;

import care.filing.filing.domain.Filing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The 备案回执 as an A4 PDF (Apache PDFBox). The Chinese font (WenQuanYi Micro Hei, Apache-2.0, see fonts/README.txt)
 * is embedded as a subset of the characters used, so the receipt prints the same on any reader and its text can be
 * searched and copied.
 * <p>
 * The font is parsed once, here, and the parsed {@link TrueTypeFont} is shared by every receipt: parsing the 5 MB
 * collection took most of each receipt's time. Sharing is safe in PDFBox 3: {@code PDType0Font.load(doc, ttf, true)}
 * does not close the font with the document, and TrueTypeFont reads its tables and glyphs under its own locks
 * (PDFBox's own font cache shares one instance across documents and threads the same way). Its lazily built tables
 * are built here, before any request can race on them.
 */
@ApplicationScoped
public class ReceiptPdf {

    private static final String FONT = "fonts/wqy-microhei.ttc";
    private static final float MARGIN = 57; // 20 mm
    private static final float TEXT = 11;
    private static final float LINE = 17;
    private static final float PAD = 7;

    private final ReceiptRenderer receipts;
    private final TrueTypeCollection fonts;
    private final TrueTypeFont face;

    public ReceiptPdf(ReceiptRenderer receipts) {
        this.receipts = receipts;
        try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is missing from the service");
            }
            this.fonts = new TrueTypeCollection(in);
            this.face = fonts.getFontByName("WenQuanYiMicroHei");
            warmUp();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One small document made to the end (subset saved), so that every table the receipts read is read now. */
    private void warmUp() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font cjk = PDType0Font.load(doc, face, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                text(out, cjk, TEXT, MARGIN, MARGIN, printable(cjk, "备案回执 0123"));
            }
            doc.save(OutputStream.nullOutputStream());
        }
    }

    @PreDestroy
    void close() throws IOException {
        fonts.close();
    }

    public byte[] pdf(Filing filing) {
        ReceiptRenderer.Receipt r = receipts.receipt(filing);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font cjk = PDType0Font.load(doc, face, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(r.title() + " " + filing.receiptNumber);
            info.setAuthor(r.department());
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - 80;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float titleSize = 20;
                text(out, cjk, titleSize, MARGIN + (width - widthOf(cjk, titleSize, r.title())) / 2, y, r.title());
                y -= 40;

                float labelWidth = width * 0.32f;
                out.setLineWidth(0.8f);
                for (String[] row : r.rows()) {
                    List<String> lines = wrap(cjk, TEXT, row[1] == null ? "" : row[1], width - labelWidth - 2 * PAD);
                    float height = lines.size() * LINE + 2 * PAD - (LINE - TEXT);
                    out.addRect(MARGIN, y - height, labelWidth, height);
                    out.addRect(MARGIN + labelWidth, y - height, width - labelWidth, height);
                    out.stroke();
                    float baseline = y - PAD - TEXT + 2;
                    text(out, cjk, TEXT, MARGIN + PAD, baseline, row[0]);
                    for (String line : lines) {
                        text(out, cjk, TEXT, MARGIN + labelWidth + PAD, baseline, line);
                        baseline -= LINE;
                    }
                    y -= height;
                }

                y -= 30;
                for (String line : wrap(cjk, TEXT, "　　" + r.note(), width)) {
                    text(out, cjk, TEXT, MARGIN, y, line);
                    y -= LINE + 3;
                }
                y -= 40;
                for (String line : List.of(r.department(), r.date())) {
                    text(out, cjk, 12, MARGIN + width - widthOf(cjk, 12, line), y, line);
                    y -= 20;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt PDF of " + filing.receiptNumber + " could not be made", e);
        }
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(printable(font, text));
        out.endText();
    }

    /** A character the font lacks (a rare 生僻字) prints as □ rather than failing the whole receipt. */
    static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IllegalArgumentException | IOException e) {
                out.append('□');
            }
        });
        return out.toString();
    }

    private static float widthOf(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Breaks text into lines that fit the width (a character the font lacks as □); Chinese may break anywhere. */
    static List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String printable = printable(font, text); // once, so that every width below can be measured
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (line.length() > 0 && widthOf(font, size, next) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

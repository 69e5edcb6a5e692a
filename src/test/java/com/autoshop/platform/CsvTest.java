package com.autoshop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.autoshop.platform.csv.Csv;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesWhatNeedsQuotingAndEndsRecordsWithCrlf() {
        String csv = new Csv(64).value("plain").text("Smith, John").text("say \"hi\"").text("two\nlines").number(-5000L)
                .value(null).number(null).endRecord().toString();
        assertThat(csv).isEqualTo("plain,\"Smith, John\",\"say \"\"hi\"\"\",\"two\nlines\",-5000,,\r\n");
        assertThat(Csv.header("id", "name")).isEqualTo("id,name\r\n");
    }

    @Test
    void neutralisesFormulasInTextOnly() {
        String csv = new Csv(64).text("=HYPERLINK(\"http://x\")").text("+1").text("-2").text("@SUM(A1)").text("\tx")
                .text("a=b").value("-5").number(-5L).endRecord().toString();
        assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b,-5,-5\r\n");
    }
}

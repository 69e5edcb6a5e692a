package com.autoshop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class ETagsTest {

    @Test
    void aDocumentKeepsItsWeakEtag() {
        String board = "{\"cards\":[" + "{\"id\":\"a\",\"position\":1},".repeat(300) + "{}]}";
        assertThat(ETags.weakOf(board)).isEqualTo(ETags.weakOf(new String(board))).matches("W/\"[0-9a-f]+-[0-9a-f]+\"");
    }

    @Test
    void everySmallChangeOfADocumentChangesItsEtag() {
        // what a move does to a board: one card's position, or two neighbours swapped
        String card = "{\"id\":\"%d\",\"position\":%d,\"version\":%d}";
        Set<String> tags = new HashSet<>();
        int documents = 0;
        for (int moved = 0; moved < 200; moved++) {
            for (int position = 0; position < 100; position++) {
                StringBuilder board = new StringBuilder("[");
                for (int id = 0; id < 20; id++) {
                    board.append(String.format(card, id, id == moved % 20 ? position : id, id == moved % 20 ? moved : 0));
                }
                tags.add(ETags.weakOf(board.append(']').toString()));
                documents++;
            }
        }
        assertThat(tags).hasSize(documents);
        assertThat(ETags.weakOf("{\"a\":\"ab\",\"b\":\"ba\"}")).isNotEqualTo(ETags.weakOf("{\"a\":\"ba\",\"b\":\"ab\"}"));
    }

    @Test
    void theEtagTellsCharactersOfTheSameLengthApart() {
        assertThat(ETags.weakOf("{\"name\":\"Zoë\"}")).isNotEqualTo(ETags.weakOf("{\"name\":\"Zoe\"}"))
                .isNotEqualTo(ETags.weakOf("{\"name\":\"Zoé\"}"));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        String etag = ETags.weakOf("{}");
        assertThat(ETags.noneMatchHits(etag.substring(2), etag)).isTrue();
        assertThat(ETags.noneMatchHits("\"other\", " + etag, etag)).isTrue();
        assertThat(ETags.noneMatchHits("*", etag)).isTrue();
        assertThat(ETags.noneMatchHits(ETags.weakOf("{ }"), etag)).isFalse();
    }
}

package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Uploads of peer tables: the name field names the scenario (a BDM table's id is the name without
 * its extension), the import's warnings come back with it, and a taken name is refused with a
 * sentence for people.
 */
class UploadTest {

    /** A BDM table with saliences on 0-1: the import multiplies them by 100 and says so. */
    private static final String TABLE = "Actor,Capability,Position,Salience\nNorth,0.5,4,0.8\nSouth,0.5,7,0.4\n";

    private WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> upload(String query) throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + server.port();
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/scenarios" + query))
                .header("Content-Type", "application/octet-stream").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(TABLE, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theNameNamesTheTableAndTheImportWarningsComeBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpResponse<String> first = upload("?name=emissions-a.csv");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode a = json.readTree(first.body());
        assertThat(a.get("id").asText()).isEqualTo("emissions-a");
        assertThat(a.get("importWarnings").toString()).contains("SALIENCE_OUT_OF_RANGE", "multiplied by 100");

        HttpResponse<String> second = upload("?name=emissions-b.csv");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(json.readTree(second.body()).get("id").asText()).isEqualTo("emissions-b");

        assertThat(json.readTree(upload("").body()).get("id").asText()).isEqualTo("upload");

        HttpResponse<String> again = upload("?name=emissions-a.csv");
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode error = json.readTree(again.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("CONFLICT");
        assertThat(error.get("message").asText()).startsWith("There is already a scenario called 'emissions-a'")
                .contains("another name").doesNotContain("PUT /api");
    }
}

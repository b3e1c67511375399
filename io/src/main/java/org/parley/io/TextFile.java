package org.parley.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;

/**
 * A text file read with the checks every input gets: a size limit, no binary content, UTF-8 (with
 * or without BOM) or, failing that, Windows-1252 with a warning. Line endings (LF, CRLF, CR) are
 * kept; readers split with {@link #lines()}.
 *
 * @param name     the name shown in messages (the path as given)
 * @param text     the decoded text, without BOM
 * @param warnings what the user should know (e.g. the encoding guessed)
 */
public record TextFile(String name, String text, List<ScenarioProblem> warnings) {

    /** Inputs larger than this are refused: no scenario is that large, a mistaken file is. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    public TextFile {
        warnings = List.copyOf(warnings);
    }

    public static TextFile read(Path path) {
        String name = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw new ParleyException(ErrorCode.BAD_INPUT, name + ": is a directory, not a scenario file");
            }
            // read at most the limit + 1 byte: devices, pipes and growing files report no true size
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.FILE_TOO_LARGE, "",
                        "the file has more than " + MAX_BYTES + " bytes; Parley reads at most " + MAX_BYTES)
                        .at(name, 0, 0).withHint("Maybe this is not the scenario file you meant?")));
            }
            return decode(name, bytes);
        } catch (NoSuchFileException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": no such file");
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": cannot read: " + describe(e), e);
        }
    }

    /** An I/O failure in words, without Java exception names. */
    public static String describe(IOException e) {
        String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e instanceof java.nio.file.FileSystemException ? "the file system refused"
                : String.valueOf(e.getMessage());
        String file = e instanceof java.nio.file.FileSystemException f ? f.getFile() : null;
        return file == null ? what : what + " (" + file + ")";
    }

    /** Reads a stream (a resource, an upload) with the same checks. */
    public static TextFile read(String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.FILE_TOO_LARGE, "",
                    "the input exceeds " + MAX_BYTES + " bytes").at(name, 0, 0)));
        }
        return decode(name, bytes);
    }

    public static TextFile of(String name, String text) {
        return decode(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static TextFile decode(String name, byte[] bytes) {
        List<ScenarioProblem> warnings = new ArrayList<>();
        int controls = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                throw binary(name, "it contains a NUL byte at offset " + i);
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c) {
                controls++;
            }
        }
        if (bytes.length > 0 && controls * 20 > bytes.length) {
            throw binary(name, controls + " control characters in " + bytes.length + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
            warnings.add(ScenarioProblem.warning(ProblemCode.BAD_VALUE, "",
                    "the file is not UTF-8; read as Windows-1252").at(name, 0, 0));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new TextFile(name, text, warnings);
    }

    private static ScenarioException binary(String name, String why) {
        return new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.BINARY_FILE, "",
                "this is a binary file, not a scenario: " + why).at(name, 0, 0)));
    }

    /** The lines, split on LF, CRLF or a lone CR (old Mac files). */
    public List<String> lines() {
        return List.of(text.split("\r\n|\r|\n", -1));
    }
}

package org.enquirytriage.intake.open311;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The two formats of the GeoReport API, chosen by the resource's extension: JSON ({@code application/json}) and XML
 * ({@code text/xml}, UTF-8, with the XML declaration), both from the same ordered maps. In XML every map is an
 * element named for what it is ({@code <service>}, {@code <request>}) inside the plural root ({@code <services>},
 * {@code <service_requests>}); a list value becomes an element of elements.
 */
enum Open311Format {

    JSON(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)),
    XML(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8));

    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The format a resource's extension names. */
    static Open311Format of(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> throw new Open311Exception(HttpStatus.NOT_FOUND, "The format ." + extension
                    + " is not supported: use .json or .xml");
        };
    }

    /** The format of a request's path, JSON unless it ends with {@code .xml}. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }

    /** A list of items: a JSON array, or the root element with one element per item. */
    ResponseEntity<String> list(HttpStatusCode status, String root, String item, List<Map<String, Object>> items,
            ObjectMapper json) {
        String body = this == JSON ? toJson(items, json) : toXml(root, item, items);
        return ResponseEntity.status(status).contentType(mediaType).body(body);
    }

    /** One object: a JSON object, or one element. */
    ResponseEntity<String> single(String element, Map<String, Object> value, ObjectMapper json) {
        String body = this == JSON ? toJson(value, json) : toXml(null, element, List.of(value));
        return ResponseEntity.ok().contentType(mediaType).body(body);
    }

    private static String toJson(Object value, ObjectMapper json) {
        try {
            return json.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("An Open311 answer cannot be written as JSON", e);
        }
    }

    private static String toXml(String root, String item, List<Map<String, Object>> items) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            if (root != null) {
                xml.writeStartElement(root);
            }
            for (Map<String, Object> each : items) {
                writeElement(xml, item, each);
            }
            if (root != null) {
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("An Open311 answer cannot be written as XML", e);
        }
        return out.toString();
    }

    private static void writeElement(XMLStreamWriter xml, String name, Map<String, Object> fields)
            throws XMLStreamException {
        xml.writeStartElement(name);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            Object value = field.getValue();
            if (value instanceof List<?> list) {
                xml.writeStartElement(field.getKey());
                for (Object element : list) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) element;
                    writeElement(xml, singular(field.getKey()), map);
                }
                xml.writeEndElement();
            }
            else if (value != null) {
                xml.writeStartElement(field.getKey());
                xml.writeCharacters(String.valueOf(value));
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}

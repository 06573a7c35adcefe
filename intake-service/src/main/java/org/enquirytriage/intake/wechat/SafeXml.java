package org.enquirytriage.intake.wechat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the platform's flat XML messages ({@code <xml><ToUserName>…</ToUserName>…</xml>}) safely: a document type
 * declaration is refused outright, so there are no entities to expand (no "billion laughs") and no external entities
 * or DTDs to fetch (no XXE); XInclude is off, secure processing on, and elements may nest
 * {@value #MAX_DEPTH} deep at most.
 */
final class SafeXml {

    static final int MAX_DEPTH = 16;

    private static final DocumentBuilderFactory FACTORY = factory();

    private static final ErrorHandler FAIL = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // a warning does not stop the parse, and there is nothing to do about it
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /**
     * The text of each child element of the root, by element name.
     *
     * @throws WeChatMessageException when the body is not well-formed XML, declares a document type, or nests too
     *         deep
     */
    static Map<String, String> fields(byte[] xml) {
        Document document = parse(xml);
        Map<String, String> fields = new HashMap<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element element) {
                fields.putIfAbsent(element.getTagName(), element.getTextContent());
            }
        }
        return fields;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(FAIL);
            Document document = builder.parse(new ByteArrayInputStream(xml));
            if (depth(document.getDocumentElement()) > MAX_DEPTH) {
                throw new WeChatMessageException("The XML nests deeper than " + MAX_DEPTH + " elements");
            }
            return document;
        }
        catch (SAXParseException e) {
            throw new WeChatMessageException("The body is not acceptable XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        }
        catch (SAXException | IOException e) {
            throw new WeChatMessageException("The body is not acceptable XML: " + e.getMessage());
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be configured safely", e);
        }
    }

    /** How deep the elements nest, counted without recursion so that a deep document cannot exhaust the stack. */
    private static int depth(Element root) {
        int deepest = 0;
        Deque<Nested> pending = new ArrayDeque<>();
        pending.push(new Nested(root, 1));
        while (!pending.isEmpty()) {
            Nested next = pending.pop();
            deepest = Math.max(deepest, next.depth());
            for (Node child = next.element().getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    pending.push(new Nested(element, next.depth() + 1));
                }
            }
        }
        return deepest;
    }

    private record Nested(Element element, int depth) {
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            return factory;
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be configured safely", e);
        }
    }
}

package dev.depscan.manifest.xml;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

/**
 * Parses untrusted XML into {@link XmlNode}s. Any DOCTYPE is refused outright, so neither external entities (XXE) nor
 * entity expansion (billion laughs) can happen; secure processing bounds everything else.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** Thrown for XML that cannot be read; carries the 1-based line of the problem, or 0. */
    public static final class MalformedXmlException extends RuntimeException {
        private final int line;

        public MalformedXmlException(String message, int line) {
            super(message);
            this.line = Math.max(0, line);
        }

        public int line() {
            return line;
        }
    }

    public static XmlNode parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            throw new MalformedXmlException("empty file", 0);
        }
        TreeBuilder builder = new TreeBuilder();
        try {
            SAXParser parser = newFactory().newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser.parse(new InputSource(new StringReader(content)), builder);
        } catch (SAXParseException e) {
            throw new MalformedXmlException(describe(e), e.getLineNumber());
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException("unreadable XML: " + e.getMessage(), 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the hardening features", e);
        }
        return builder.root().orElseThrow(() -> new MalformedXmlException("no root element", 0));
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "DOCTYPE declarations are refused (entities are never expanded)";
        }
        return "malformed XML: " + message;
    }

    private static SAXParserFactory newFactory() throws ParserConfigurationException, SAXException {
        // The JDK's own implementation: the feature names below are the ones it understands.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private Locator locator;
        private XmlNode root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName.isEmpty() ? qName : localName;
            Map<String, String> attrs = new HashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String attribute = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                attrs.put(attribute, attributes.getValue(i));
            }
            XmlNode node = new XmlNode(name, locator == null ? 0 : Math.max(0, locator.getLineNumber()), attrs);
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().add(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().appendText(ch, start, length);
            }
        }

        Optional<XmlNode> root() {
            return Optional.ofNullable(root);
        }
    }
}

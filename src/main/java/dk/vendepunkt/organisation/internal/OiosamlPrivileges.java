package dk.vendepunkt.organisation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OIO basic privilege profile (BPP 1.0–1.2) that KOMBIT's adgangsstyring and NemLog-in send in the SAML
 * attribute {@code dk:gov:saml:attribute:Privileges_intermediate}: base64 of a {@code PrivilegeList} with
 * {@code PrivilegeGroup}s, each scoped (for a municipality {@code urn:dk:gov:saml:cvrNumberIdentifier:<CVR>}),
 * holding privilege URIs (KOMBIT's user system roles) and constraints (name and value, e.g. an organisational
 * unit or KLE numbers) that limit them.
 */
final class OiosamlPrivileges {

    static final String OIOSAML2_ATTRIBUTE = "dk:gov:saml:attribute:Privileges_intermediate";
    static final String OIOSAML3_ATTRIBUTE = "https://data.gov.dk/model/core/eid/privilegesIntermediate";
    static final String CVR_SCOPE = "urn:dk:gov:saml:cvrNumberIdentifier:";

    private OiosamlPrivileges() {}

    /** @param constraints constraint name to its values, in document order */
    record PrivilegeGroup(String scope, List<String> privileges, Map<String, List<String>> constraints) {}

    /** Unreadable privileges: the sign-in is refused rather than guessed at. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Decodes the attribute value (base64 of the XML; plain XML is accepted too). */
    static List<PrivilegeGroup> parse(String attributeValue) {
        String value = attributeValue == null ? "" : attributeValue.trim();
        byte[] xml;
        try {
            xml = value.startsWith("<") ? value.getBytes(StandardCharsets.UTF_8) : Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("privileges are not base64", e);
        }
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new Unreadable("privileges are not a privilege list", e);
        }
        if (!"PrivilegeList".equals(root.getLocalName())) {
            throw new Unreadable("privileges are not a privilege list: " + root.getLocalName(), null);
        }
        List<PrivilegeGroup> groups = new ArrayList<>();
        for (Element group : children(root, "PrivilegeGroup")) {
            List<String> privileges = children(group, "Privilege").stream().map(e -> e.getTextContent().trim()).toList();
            Map<String, List<String>> constraints = new LinkedHashMap<>();
            for (Element c : children(group, "Constraint")) {
                constraints.computeIfAbsent(c.getAttribute("Name").trim(), k -> new ArrayList<>()).add(c.getTextContent().trim());
            }
            groups.add(new PrivilegeGroup(group.getAttribute("Scope").trim(), privileges, constraints));
        }
        return groups;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }
}

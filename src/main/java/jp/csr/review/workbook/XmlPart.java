package jp.csr.review.workbook;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jp.csr.review.workbook.WorkbookLimits.Counter;
import jp.csr.review.workbook.WorkbookLimits.Excess;
import org.apache.poi.util.XMLHelper;

/**
 * One XML part of a workbook, read forward with StAX from POI's factory (no external entities). Like the
 * XML binding POI's usermodel reads with, it sees only elements of the SpreadsheetML namespace where the
 * schema puts them: anything else is skipped with what it holds. A DOCTYPE is refused, as POI refuses it.
 */
final class XmlPart implements AutoCloseable {

	static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	/** A factory per thread: StAX factories are not promised to be thread-safe, and making one looks up services. */
	private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlPart::factory);

	/** Woodstox's property for how deep elements may nest (its default, 1,000, is less than files nest). */
	private static final String MAX_DEPTH = "com.ctc.wstx.maxElementDepth";

	/**
	 * POI's secure factory (no DTD, no external entities), which is Woodstox's: the usermodel reads elements
	 * nested tens of thousands deep, so the stream does too, up to a bound that keeps the element stack small.
	 */
	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLHelper.newXMLInputFactory();
		if (factory.isPropertySupported(MAX_DEPTH)) {
			factory.setProperty(MAX_DEPTH, 100_000);
		}
		return factory;
	}

	private final XMLStreamReader xml;

	/** Counts a sheet's start elements as they pass, or null. */
	private final Counter counter;

	XmlPart(InputStream in, Counter counter) throws XMLStreamException {
		this.xml = FACTORY.get().createXMLStreamReader(in);
		this.counter = counter;
	}

	/** Moves to the root element, which must be {@code name} in SpreadsheetML's namespace. */
	void root(String name) throws XMLStreamException, NotStreamable, Exceeded {
		root(MAIN, name);
	}

	/** Moves to the root element, which must be {@code name} in {@code namespace}. */
	void root(String namespace, String name) throws XMLStreamException, NotStreamable, Exceeded {
		while (next() != XMLStreamConstants.START_ELEMENT) {
			if (xml.getEventType() == XMLStreamConstants.END_DOCUMENT) {
				throw new NotStreamable("no root element");
			}
		}
		if (!is(namespace, name)) {
			throw new NotStreamable("root element " + xml.getName() + " is not " + name);
		}
	}

	/** Moves to the current element's next child element: false once the element ends. */
	boolean child() throws XMLStreamException, NotStreamable, Exceeded {
		while (true) {
			switch (next()) {
				case XMLStreamConstants.START_ELEMENT:
					return true;
				case XMLStreamConstants.END_ELEMENT:
					return false;
				case XMLStreamConstants.END_DOCUMENT:
					throw new NotStreamable("unexpected end of the part");
				default:
			}
		}
	}

	/** Skips the current element and what it holds, however deep (no recursion: a file may nest thousands deep). */
	void skip() throws XMLStreamException, NotStreamable, Exceeded {
		int depth = 1;
		while (depth > 0) {
			switch (next()) {
				case XMLStreamConstants.START_ELEMENT -> depth++;
				case XMLStreamConstants.END_ELEMENT -> depth--;
				case XMLStreamConstants.END_DOCUMENT -> throw new NotStreamable("unexpected end of the part");
				default -> {
				}
			}
		}
	}

	/** The current element's text; it may hold no element. */
	String text() throws XMLStreamException {
		return xml.getElementText();
	}

	/** The current element is {@code name} in SpreadsheetML's namespace. */
	boolean is(String name) {
		return is(MAIN, name);
	}

	/** The current element is {@code name} in {@code namespace}. */
	boolean is(String namespace, String name) {
		return name.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
	}

	/** An attribute of the current element without namespace, or null. */
	String attribute(String name) {
		return xml.getAttributeValue(null, name);
	}

	/** An attribute of the current element in a namespace, or null. */
	String attribute(String namespace, String name) {
		return xml.getAttributeValue(namespace, name);
	}

	private int next() throws XMLStreamException, NotStreamable, Exceeded {
		int event = xml.next();
		if (event == XMLStreamConstants.DTD) {
			throw new NotStreamable("DOCTYPE");
		}
		if (event == XMLStreamConstants.START_ELEMENT && counter != null) {
			Optional<Excess> excess = counter.start(xml.getLocalName());
			if (excess.isPresent()) {
				throw new Exceeded(excess.get());
			}
		}
		return event;
	}

	@Override
	public void close() throws XMLStreamException {
		xml.close();
	}

	/** What the streaming reader leaves to POI's usermodel, which reads it as it always did or says why not. */
	static final class NotStreamable extends Exception {

		private static final long serialVersionUID = 1L;

		NotStreamable(String why) {
			super(why, null, false, false);
		}

	}

	/** A sheet over {@link WorkbookLimits}: reading stops there. */
	static final class Exceeded extends Exception {

		private static final long serialVersionUID = 1L;

		final transient Excess excess;

		Exceeded(Excess excess) {
			super(excess.sheet(), null, false, false);
			this.excess = excess;
		}

	}

}

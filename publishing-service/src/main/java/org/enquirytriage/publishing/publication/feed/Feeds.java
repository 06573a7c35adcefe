package org.enquirytriage.publishing.publication.feed;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.enquirytriage.publishing.publication.PublicLinks;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.springframework.stereotype.Component;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * Writes the newest published items as RSS 2.0 or Atom 1.0 with ROME: the question as title, the answer as
 * description, topic and series as categories, the audio as {@code <enclosure>} (Atom: {@code rel="enclosure"}).
 */
@Component
class Feeds {

    /** The formats, by their file name on the public site. */
    enum Format {
        RSS("rss_2.0", "feed.rss", "application/rss+xml"), ATOM("atom_1.0", "feed.atom", "application/atom+xml");

        final String romeType;
        final String file;
        final String mediaType;

        Format(String romeType, String file, String mediaType) {
            this.romeType = romeType;
            this.file = file;
            this.mediaType = mediaType;
        }
    }

    private final PublicItems items;
    private final PublicLinks links;
    private final PublicationProperties.Site site;

    Feeds(PublicItems items, PublicLinks links, PublicationProperties properties) {
        this.items = items;
        this.links = links;
        this.site = properties.site();
    }

    String write(Format format, String series) {
        List<PublicItem> newest = items.newest(series, null, site.feedEntries());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(series == null ? site.title() : site.title() + " · " + series);
        feed.setDescription(site.description());
        feed.setLink(links.page().toString());
        feed.setUri(links.feed(format.file).toString());
        feed.setLanguage("zh-CN");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(links.feed(format.file).toString());
        self.setType(format.mediaType);
        SyndLink page = new SyndLinkImpl();
        page.setRel("alternate");
        page.setHref(links.page().toString());
        page.setType("text/html");
        feed.setLinks(List.of(page, self));
        if (!newest.isEmpty() && newest.get(0).publishedAt() != null) {
            feed.setPublishedDate(Date.from(newest.get(0).publishedAt()));
        }
        feed.setEntries(newest.stream().map(Feeds::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        }
        catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed", e);
        }
    }

    private static SyndEntry entry(PublicItem item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(item.question());
        entry.setLink(item.link().toString());
        entry.setUri(item.link().toString());
        if (item.publishedAt() != null) {
            entry.setPublishedDate(Date.from(item.publishedAt()));
            entry.setUpdatedDate(Date.from(item.publishedAt()));
        }
        SyndContent answer = new SyndContentImpl();
        answer.setType("text/plain");
        answer.setValue(item.answer());
        entry.setDescription(answer);
        List<SyndCategory> categories = new ArrayList<>();
        for (String name : new String[] { item.topic(), item.series() }) {
            if (name != null) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(name);
                categories.add(category);
            }
        }
        entry.setCategories(categories);
        if (item.audio() != null) {
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(item.audio().toString());
            enclosure.setType(AudioLibrary.WAV);
            enclosure.setLength(item.audioLength());
            entry.setEnclosures(List.of(enclosure));
        }
        return entry;
    }
}

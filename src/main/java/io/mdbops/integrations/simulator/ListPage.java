package io.mdbops.integrations.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list response: {@code {links, results, totalCount}} with {@code self}, and {@code
 * previous}/{@code next} when there are such pages. Reads {@code pageNum} (1-based, default 1) and
 * {@code itemsPerPage} (default 100, at most 500) from the query.
 */
final class ListPage {

  static final int DEFAULT_ITEMS_PER_PAGE = 100;
  static final int MAX_ITEMS_PER_PAGE = 500;

  private ListPage() {}

  static Map<String, Object> of(ApiRequest request, List<Map<String, Object>> all) {
    int pageNum = positive(request, "pageNum", 1);
    int itemsPerPage = Math.min(positive(request, "itemsPerPage", DEFAULT_ITEMS_PER_PAGE), MAX_ITEMS_PER_PAGE);
    long from = (long) (pageNum - 1) * itemsPerPage;
    List<Map<String, Object>> results = from >= all.size()
        ? List.of()
        : all.subList((int) from, (int) Math.min(all.size(), from + itemsPerPage));
    List<Map<String, Object>> links = new ArrayList<>();
    links.add(link(request, "self", pageNum, itemsPerPage));
    if (pageNum > 1) {
      links.add(link(request, "previous", pageNum - 1, itemsPerPage));
    }
    if (from + itemsPerPage < all.size()) {
      links.add(link(request, "next", pageNum + 1, itemsPerPage));
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("links", links);
    page.put("results", results);
    page.put("totalCount", all.size());
    return page;
  }

  private static Map<String, Object> link(ApiRequest request, String rel, int pageNum, int itemsPerPage) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", request.resourceUrl() + "?pageNum=" + pageNum + "&itemsPerPage=" + itemsPerPage);
    link.put("rel", rel);
    return link;
  }

  private static int positive(ApiRequest request, String name, int fallback) {
    String raw = request.query().get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiErrorException(ErrorCode.INVALID_ATTRIBUTE, name);
  }
}

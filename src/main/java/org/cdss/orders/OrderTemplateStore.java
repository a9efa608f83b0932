package org.cdss.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The rows of favourites and order sets (V36); a template is stored as JSON text of its request record. */
@Component
class OrderTemplateStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    OrderTemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OrderTemplateViews.Favourite> favourites(UUID userId) {
        return jdbc.sql("SELECT * FROM order_favourite WHERE user_id = :u ORDER BY created_at, id")
                .param("u", userId.toString())
                .query((rs, n) -> new OrderTemplateViews.Favourite(
                        UUID.fromString(rs.getString("id")),
                        rs.getString("item_name"),
                        rs.getString("item_name_ko"),
                        rs.getString("label"),
                        read(rs.getString("template_json")),
                        UtcTimestamps.read(rs, "created_at")))
                .list();
    }

    long countFavourites(UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM order_favourite WHERE user_id = :u")
                .param("u", userId.toString())
                .query(Long.class)
                .single();
    }

    void addFavourite(
            UUID id, UUID userId, OrderForms.ItemName itemName, OrderRequests.OrderTemplate template, Instant at) {
        jdbc.sql("INSERT INTO order_favourite (id, user_id, order_type, item_name, item_name_ko, template_json, "
                        + "created_at) VALUES (:id, :u, :t, :n, :nk, :j, :at)")
                .param("id", id.toString())
                .param("u", userId.toString())
                .param("t", template.type().name())
                .param("n", itemName.en())
                .param("nk", itemName.ko())
                .param("j", JSON.writeValueAsString(template))
                .param("at", UtcTimestamps.toColumn(at))
                .update();
    }

    /** The doctor's own name for a favourite (null: none); false when it is not this doctor's. */
    boolean labelFavourite(UUID id, UUID userId, String label) {
        return jdbc.sql("UPDATE order_favourite SET label = :l WHERE id = :id AND user_id = :u")
                        .param("l", label)
                        .param("id", id.toString())
                        .param("u", userId.toString())
                        .update()
                > 0;
    }

    boolean removeFavourite(UUID id, UUID userId) {
        return jdbc.sql("DELETE FROM order_favourite WHERE id = :id AND user_id = :u")
                        .param("id", id.toString())
                        .param("u", userId.toString())
                        .update()
                > 0;
    }

    /** The order sets of the given departments (all departments when {@code departments} is null), by name. */
    List<OrderTemplateViews.OrderSet> orderSets(Set<UUID> departments) {
        if (departments != null && departments.isEmpty()) {
            return List.of();
        }
        String where = departments == null ? "" : " WHERE s.department_id IN (:d)";
        Map<UUID, OrderTemplateViews.OrderSet> sets = new LinkedHashMap<>();
        Map<UUID, List<OrderTemplateViews.OrderSetItem>> items = new LinkedHashMap<>();
        JdbcClient.StatementSpec spec =
                jdbc.sql("SELECT s.*, i.item_name, i.item_name_ko, i.template_json FROM order_set s "
                        + "LEFT JOIN order_set_item i ON i.order_set_id = s.id" + where
                        + " ORDER BY s.name, s.id, i.sort_order");
        if (departments != null) {
            spec = spec.param("d", departments.stream().map(UUID::toString).toList());
        }
        spec.query(rs -> {
            UUID id = UUID.fromString(rs.getString("id"));
            List<OrderTemplateViews.OrderSetItem> list = items.computeIfAbsent(id, k -> new ArrayList<>());
            if (!sets.containsKey(id)) {
                sets.put(
                        id,
                        new OrderTemplateViews.OrderSet(
                                id,
                                UUID.fromString(rs.getString("department_id")),
                                rs.getString("name"),
                                list,
                                rs.getLong("version"),
                                UtcTimestamps.read(rs, "updated_at"),
                                UUID.fromString(rs.getString("updated_by"))));
            }
            String json = rs.getString("template_json");
            if (json != null) {
                list.add(new OrderTemplateViews.OrderSetItem(
                        rs.getString("item_name"), rs.getString("item_name_ko"), read(json)));
            }
        });
        return sets.values().stream()
                .map(s -> new OrderTemplateViews.OrderSet(
                        s.id(),
                        s.departmentId(),
                        s.name(),
                        List.copyOf(s.items()),
                        s.version(),
                        s.updatedAt(),
                        s.updatedBy()))
                .toList();
    }

    Optional<OrderTemplateViews.OrderSet> orderSet(UUID id) {
        return orderSets(null).stream().filter(s -> s.id().equals(id)).findFirst();
    }

    boolean nameTaken(UUID departmentId, String name, UUID exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM order_set WHERE department_id = :d AND name = :n AND id <> :x")
                        .param("d", departmentId.toString())
                        .param("n", name)
                        .param("x", exceptId == null ? "" : exceptId.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insertSet(UUID id, UUID departmentId, String name, UUID by, Instant at) {
        jdbc.sql("INSERT INTO order_set (id, department_id, name, version, updated_at, updated_by) "
                        + "VALUES (:id, :d, :n, 0, :at, :by)")
                .param("id", id.toString())
                .param("d", departmentId.toString())
                .param("n", name)
                .param("at", UtcTimestamps.toColumn(at))
                .param("by", by.toString())
                .update();
    }

    /** Updates the set if it still has {@code version}; false when it changed meanwhile or is gone. */
    boolean updateSet(UUID id, long version, UUID departmentId, String name, UUID by, Instant at) {
        return jdbc.sql("UPDATE order_set SET department_id = :d, name = :n, version = version + 1, "
                                + "updated_at = :at, updated_by = :by WHERE id = :id AND version = :v")
                        .param("d", departmentId.toString())
                        .param("n", name)
                        .param("at", UtcTimestamps.toColumn(at))
                        .param("by", by.toString())
                        .param("id", id.toString())
                        .param("v", version)
                        .update()
                > 0;
    }

    void replaceItems(UUID setId, List<OrderTemplateViews.OrderSetItem> items) {
        jdbc.sql("DELETE FROM order_set_item WHERE order_set_id = :s")
                .param("s", setId.toString())
                .update();
        for (int i = 0; i < items.size(); i++) {
            OrderTemplateViews.OrderSetItem item = items.get(i);
            jdbc.sql("INSERT INTO order_set_item (id, order_set_id, sort_order, order_type, item_name, "
                            + "item_name_ko, template_json) VALUES (:id, :s, :o, :t, :n, :nk, :j)")
                    .param("id", UUID.randomUUID().toString())
                    .param("s", setId.toString())
                    .param("o", i)
                    .param("t", item.template().type().name())
                    .param("n", item.itemName())
                    .param("nk", item.itemNameKo())
                    .param("j", JSON.writeValueAsString(item.template()))
                    .update();
        }
    }

    boolean deleteSet(UUID id) {
        jdbc.sql("DELETE FROM order_set_item WHERE order_set_id = :s")
                .param("s", id.toString())
                .update();
        return jdbc.sql("DELETE FROM order_set WHERE id = :id")
                        .param("id", id.toString())
                        .update()
                > 0;
    }

    private static OrderRequests.OrderTemplate read(String json) {
        return JSON.readValue(json, OrderRequests.OrderTemplate.class);
    }
}

package org.cdss.orders;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Order templates (ADR 0038): a doctor's own favourites and the order sets of the doctor's departments, picked from
 * the order basket; administrators edit the order sets.
 */
@RestController
class OrderTemplateController {

    private final OrderFavourites favourites;
    private final OrderSetAdministration administration;

    OrderTemplateController(OrderFavourites favourites, OrderSetAdministration administration) {
        this.favourites = favourites;
        this.administration = administration;
    }

    @GetMapping("/api/ocs/favourites")
    List<OrderTemplateViews.Favourite> favourites() {
        return favourites.mine();
    }

    @PostMapping("/api/ocs/favourites")
    @ResponseStatus(HttpStatus.CREATED)
    OrderTemplateViews.Favourite addFavourite(@Valid @RequestBody OrderRequests.OrderTemplate body) {
        return favourites.add(body);
    }

    /** The doctor's own name for a favourite (blank: the product's or test's name again). */
    @PutMapping("/api/ocs/favourites/{id}/label")
    OrderTemplateViews.Favourite renameFavourite(
            @PathVariable UUID id, @Valid @RequestBody OrderRequests.FavouriteLabel body) {
        return favourites.rename(id, body.label());
    }

    @DeleteMapping("/api/ocs/favourites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeFavourite(@PathVariable UUID id) {
        favourites.remove(id);
    }

    @GetMapping("/api/ocs/order-sets")
    List<OrderTemplateViews.OrderSet> departmentSets() {
        return favourites.departmentSets();
    }

    @GetMapping("/api/admin/ocs/order-sets")
    List<OrderTemplateViews.OrderSet> allSets() {
        return administration.all();
    }

    @PostMapping("/api/admin/ocs/order-sets")
    @ResponseStatus(HttpStatus.CREATED)
    OrderTemplateViews.OrderSet createSet(@Valid @RequestBody OrderRequests.OrderSetForm body) {
        return administration.create(body);
    }

    @PutMapping("/api/admin/ocs/order-sets/{id}")
    OrderTemplateViews.OrderSet updateSet(@PathVariable UUID id, @Valid @RequestBody OrderRequests.OrderSetForm body) {
        return administration.update(id, body);
    }

    @DeleteMapping("/api/admin/ocs/order-sets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSet(@PathVariable UUID id) {
        administration.delete(id);
    }
}

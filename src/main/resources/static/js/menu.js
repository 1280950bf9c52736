// GuestPass "More actions": a menu button (WAI-ARIA Authoring Practices). The page shows the
// entries as a plain list of links; here the button appears, the list becomes its pop-up menu, and
// the keys work as they do in a desktop menu.
(function () {
	'use strict';

	function menuButton(menu) {
		return menu.querySelector('.menu-button');
	}

	function menuList(menu) {
		return menu.querySelector('.menu-list');
	}

	function menuItems(menu) {
		return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]'));
	}

	function isOpen(menu) {
		return !menuList(menu).hidden;
	}

	function openMenu(menu, focusLast) {
		menuList(menu).hidden = false;
		menuButton(menu).setAttribute('aria-expanded', 'true');
		var items = menuItems(menu);
		if (items.length) {
			items[focusLast ? items.length - 1 : 0].focus();
		}
	}

	function closeMenu(menu, returnFocus) {
		menuList(menu).hidden = true;
		menuButton(menu).setAttribute('aria-expanded', 'false');
		if (returnFocus) {
			menuButton(menu).focus();
		}
	}

	function enhanceMenu(menu) {
		if (menu.dataset.enhanced) {
			return;
		}
		var button = menuButton(menu);
		var list = menuList(menu);
		if (!button || !list) {
			return;
		}
		menu.dataset.enhanced = 'true';
		list.setAttribute('role', 'menu');
		list.removeAttribute('aria-label');
		list.setAttribute('aria-labelledby', button.id);
		Array.prototype.forEach.call(list.children, function (li) {
			li.setAttribute('role', 'none');
		});
		Array.prototype.forEach.call(list.querySelectorAll('.menu-item'), function (item) {
			item.setAttribute('role', 'menuitem');
			item.setAttribute('tabindex', '-1');
		});
		list.hidden = true;
		button.hidden = false;
		// Enter and Space click a button by themselves.
		button.addEventListener('click', function () {
			if (isOpen(menu)) {
				closeMenu(menu, false);
			}
			else {
				openMenu(menu, false);
			}
		});
		button.addEventListener('keydown', function (event) {
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				openMenu(menu, event.key === 'ArrowUp');
			}
		});
		list.addEventListener('keydown', function (event) {
			var items = menuItems(menu);
			var index = items.indexOf(document.activeElement);
			if (event.key === 'Escape') {
				event.preventDefault();
				closeMenu(menu, true);
			}
			else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				var step = event.key === 'ArrowDown' ? 1 : -1;
				items[(index + step + items.length) % items.length].focus();
			}
			else if (event.key === 'Home') {
				event.preventDefault();
				items[0].focus();
			}
			else if (event.key === 'End') {
				event.preventDefault();
				items[items.length - 1].focus();
			}
			else if (event.key === ' ' && index >= 0) {
				event.preventDefault();
				items[index].click();
			}
			else if (event.key === 'Tab') {
				closeMenu(menu, false);
			}
		});
	}

	// A click outside closes the menu, and so does choosing one of its entries.
	document.addEventListener('click', function (event) {
		var target = event.target instanceof Element ? event.target : null;
		document.querySelectorAll('[data-menu][data-enhanced]').forEach(function (menu) {
			var chosen = target && menu.contains(target) && target.closest('[role="menuitem"]');
			if (isOpen(menu) && (!menu.contains(target) || chosen)) {
				closeMenu(menu, false);
			}
		});
	});

	document.addEventListener('htmx:load', function (event) {
		var root = event.target;
		if (root.matches && root.matches('[data-menu]')) {
			enhanceMenu(root);
		}
		if (root.querySelectorAll) {
			root.querySelectorAll('[data-menu]').forEach(enhanceMenu);
		}
	});
})();

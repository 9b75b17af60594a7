FROM php:8.3-apache
RUN apt-get update && apt-get install -y --no-install-recommends \
        libzip-dev \
        libpng-dev \
    && docker-php-ext-install zip gd pdo_mysql \
    && rm -rf /var/lib/apt/lists/*
RUN pecl install redis && docker-php-ext-enable redis
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
WORKDIR /var/www/html
COPY composer.json composer.lock ./
RUN composer install --no-dev --no-scripts
COPY . .
RUN chown -R www-data:www-data storage bootstrap/cache
EXPOSE 80 443
